// A replay's timeline in server time (issue 16 item 2): which product is pinned, which chapters the
// seek bar marks, which chat messages have been said, at a given moment of the recording. Shared by
// the domain (server/domain/replays) and the replay player in the browser, which asks it with the
// program date time of the frame on screen (app/_lib/playout-clock.ts), so both read one rule.

export interface TimelinePin {
  productId: string;
  action: 'PIN' | 'UNPIN';
  /** Server epoch ms the host pinned or unpinned it (PinEvent.createdAt). */
  atMs: number;
}

export interface ReplayChapter {
  productId: string;
  title: string;
  /** Server epoch ms of the pin: the player maps it to its playhead through EXT-X-PROGRAM-DATE-TIME. */
  atMs: number;
  /** From the start of the recording, for the mark's label ("Dewy Glow Serum at 12:40"). */
  offsetMs: number;
}

/**
 * One chapter per pin inside the recorded window, in time order. A pin made before the recording's
 * first frame (the host pinned while the recorder started) is placed at the first frame; pins after
 * its end are not in the replay. Pinning the product already pinned adds no second mark.
 */
export function chaptersFromPins(
  pins: readonly TimelinePin[],
  titles: ReadonlyMap<string, string>,
  window: { startMs: number; endMs: number },
): ReplayChapter[] {
  const chapters: ReplayChapter[] = [];
  let pinned: string | null = null;
  for (const pin of [...pins].sort((a, b) => a.atMs - b.atMs)) {
    if (pin.action === 'UNPIN') {
      if (pinned === pin.productId) pinned = null;
      continue;
    }
    const repeated = pinned === pin.productId;
    pinned = pin.productId;
    if (repeated || pin.atMs > window.endMs) continue;
    const atMs = Math.max(pin.atMs, window.startMs);
    const last = chapters.at(-1);
    // Several pins before the first frame: only the last one is on screen when the replay starts.
    if (last && last.atMs === atMs) chapters.pop();
    chapters.push({ productId: pin.productId, title: titles.get(pin.productId) ?? '', atMs, offsetMs: atMs - window.startMs });
  }
  return chapters;
}

/** The product pinned at server time `atMs`, or null: the last pin or unpin at or before it decides (`pins` oldest first). */
export function pinnedAt(pins: readonly TimelinePin[], atMs: number): string | null {
  let pinned: string | null = null;
  for (const pin of pins) {
    if (pin.atMs > atMs) break;
    pinned = pin.action === 'PIN' ? pin.productId : pinned === pin.productId ? null : pinned;
  }
  return pinned;
}

/** How many of `messages` (oldest first) were said by server time `atMs`: the chat a replay shows then. */
export function chatCountAt(messages: readonly { createdAt: string }[], atMs: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (Date.parse(messages[mid]!.createdAt) <= atMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** "12:40" or "1:02:05": a position in the recording as a seek bar reads it; digits follow the locale. */
export function chapterClock(offsetMs: number, digits: (n: number, minimumIntegerDigits: number) => string): string {
  const total = Math.max(0, Math.floor(offsetMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${digits(hours, 1)}:${digits(minutes, 2)}:${digits(seconds, 2)}` : `${digits(minutes, 1)}:${digits(seconds, 2)}`;
}

/** A segment of the playlist as the player lays it on its timeline (hls.js: `start`, `duration`, `programDateTime`). */
export interface TimedSegment {
  /** Playhead seconds where the segment starts. */
  start: number;
  duration: number;
  /** Its EXT-X-PROGRAM-DATE-TIME in epoch ms, or null when the playlist has none. */
  programDateTimeMs: number | null;
}

/**
 * The playhead (seconds) showing server time `atMs`: inside the segment whose program date time
 * covers it. A moment in a gap the recording missed (a worker restart: a discontinuity) maps to the
 * first frame after the gap; a moment before the first frame to the start, after the last to the end.
 */
export function playheadOfServerTime(segments: readonly TimedSegment[], atMs: number): number | null {
  let last: TimedSegment | null = null;
  for (const segment of segments) {
    if (segment.programDateTimeMs === null) continue;
    const endMs = segment.programDateTimeMs + segment.duration * 1000;
    if (atMs < segment.programDateTimeMs) return segment.start;
    if (atMs < endMs) return segment.start + (atMs - segment.programDateTimeMs) / 1000;
    last = segment;
  }
  return last ? last.start + last.duration : null;
}

/** The server time of the frame at playhead `seconds` (the inverse of playheadOfServerTime), or null without dates. */
export function serverTimeOfPlayhead(segments: readonly TimedSegment[], seconds: number): number | null {
  let found: TimedSegment | null = null;
  for (const segment of segments) {
    if (segment.programDateTimeMs === null) continue;
    if (found && segment.start > seconds) break;
    found = segment;
  }
  return found ? found.programDateTimeMs! + (seconds - found.start) * 1000 : null;
}
