// Shoppable replays (issue 16 item 2): an ENDED show whose recording is READY opens as a replay at
// its own URL, with its lineup at today's regular prices, its pins as chapters and its chat.
// Buying from it goes through the orders module's one pipeline, whose reserve_order accepts such a
// show and prices every line regular (migration 20261209110000_replay_orders).
import { catalogProductCards, type ProductCard } from './replay-lineup';
import { replayChat, type ChatMessageView } from '../chat';
import type { Db } from '../context';
import { AppError } from '../errors';
import { chaptersFromPins, type ReplayChapter, type TimelinePin } from '../replay-timeline';
import { readyRecording, replayableShow } from '../shows';

export interface Replay {
  showId: string;
  recordingId: string;
  /** The HLS media playlist (the recorder's layout, `recordings/<id>/index.m3u8`, served by the show's HLS route). */
  playlistUrl: string;
  /** Server epoch ms of the recording's first and last moments (its program date times). */
  startedAtMs: number;
  endedAtMs: number;
  durationMs: number;
  lineup: ProductCard[];
  /** Every pin and unpin, oldest first, in server time: what the player shows at each playhead. */
  pins: TimelinePin[];
  chapters: ReplayChapter[];
  /** The chat said while the recording ran, oldest first; deleted messages and banned people's stay hidden. */
  chat: ChatMessageView[];
}

/** Where a browser reads a show's HLS: the one URL the show's HLS route answers (rec-hls builds it). */
export const replayPlaylistUrl = (showId: string): string => `/api/shows/${encodeURIComponent(showId)}/hls/index.m3u8`;

/** The newest READY recording of a replayable show, or null when the show has no replay. */
async function replayRecording(db: Db, showId: string) {
  const show = await db.show.findFirst({
    where: { id: showId, ...replayableShow },
    select: {
      endedAt: true,
      recordings: {
        where: readyRecording,
        orderBy: { startedAt: 'desc' },
        take: 1,
        select: { id: true, startedAt: true, endedAt: true, durationMs: true },
      },
    },
  });
  const recording = show?.recordings[0];
  if (!show || !recording) return null;
  const startedAtMs = recording.startedAt.getTime();
  // A recording's end is its last segment's; the show's end (or its duration) stands in when the recorder left none.
  const endedAtMs = recording.endedAt?.getTime() ?? show.endedAt?.getTime() ?? startedAtMs + recording.durationMs;
  return { id: recording.id, startedAtMs, endedAtMs, durationMs: recording.durationMs || endedAtMs - startedAtMs };
}

/** Whether the show opens as a replay: ended, with a READY recording. */
export async function hasReplay(db: Db, showId: string): Promise<boolean> {
  return (await db.show.count({ where: { id: showId, ...replayableShow } })) > 0;
}

/** Everything the replay player needs, or null when the show has no replay (its page then says it ended). */
export async function getReplay(db: Db, showId: string): Promise<Replay | null> {
  const recording = await replayRecording(db, showId);
  if (!recording) return null;
  const window = { startMs: recording.startedAtMs, endMs: recording.endedAtMs };
  const [lineup, pinRows, chat] = await Promise.all([
    catalogProductCards(db, showId),
    db.pinEvent.findMany({
      where: { showId, createdAt: { lte: new Date(window.endMs) } },
      select: { productId: true, action: true, createdAt: true, product: { select: { title: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    replayChat(db, showId, { from: new Date(window.startMs), to: new Date(window.endMs) }),
  ]);
  const pins = pinRows.map((p) => ({ productId: p.productId, action: p.action, atMs: p.createdAt.getTime() }));
  const titles = new Map(pinRows.map((p) => [p.productId, p.product.title]));
  return {
    showId,
    recordingId: recording.id,
    playlistUrl: replayPlaylistUrl(showId),
    startedAtMs: window.startMs,
    endedAtMs: window.endMs,
    durationMs: recording.durationMs,
    lineup,
    pins,
    chapters: chaptersFromPins(pins, titles, window),
    chat,
  };
}

/** For a purchase path that must name the refusal before reaching the pipeline (the bag). */
export async function requireReplay(db: Db, showId: string): Promise<void> {
  if (!(await hasReplay(db, showId))) throw new AppError('NO_REPLAY', `show ${showId} has no ready recording`);
}

const RECORDING_FILE = /^[A-Za-z0-9_-]{1,64}\.(m3u8|ts|m4s|mp4)$/;

/**
 * The object-store key of one file of the show's replay (its playlist or a segment), or null when
 * the show has no replay or the name is not one a recording holds. Names never carry a path.
 */
export async function replayObjectKey(db: Db, showId: string, file: string): Promise<string | null> {
  if (!RECORDING_FILE.test(file)) return null;
  const show = await db.show.findFirst({
    where: { id: showId, ...replayableShow },
    select: { recordings: { where: readyRecording, orderBy: { startedAt: 'desc' }, take: 1, select: { storagePrefix: true } } },
  });
  const prefix = show?.recordings[0]?.storagePrefix;
  return prefix ? `${prefix}${file}` : null;
}
