// The report's arithmetic, free of the database so it can be read and tested as rules:
// watch sessions from joins and leaves, viewers at once over time, and the product funnel.

export interface PresenceEvent {
  viewer: string;
  kind: 'join' | 'leave';
  at: number;
}

export interface WatchSession {
  viewer: string;
  start: number;
  end: number;
}

export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * One session per stretch a person watched. Several tabs of one person are one stretch
 * (it starts with their first join and ends with their last leave); a leave without a
 * join is ignored; a session still open when the show ended ends with it. Sessions are
 * clipped to the show's window, so waiting before it went live does not count as watching.
 */
export function watchSessions(events: readonly PresenceEvent[], window: TimeWindow): WatchSession[] {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const open = new Map<string, { depth: number; start: number }>();
  const sessions: WatchSession[] = [];
  const close = (viewer: string, start: number, end: number) => {
    const s = Math.max(start, window.start);
    const t = Math.min(end, window.end);
    if (t > s) sessions.push({ viewer, start: s, end: t });
  };
  for (const { e } of ordered) {
    const current = open.get(e.viewer);
    if (e.kind === 'join') {
      if (current) current.depth++;
      else open.set(e.viewer, { depth: 1, start: e.at });
    } else if (current) {
      current.depth--;
      if (current.depth === 0) {
        open.delete(e.viewer);
        close(e.viewer, current.start, e.at);
      }
    }
  }
  for (const [viewer, { start }] of open) close(viewer, start, window.end);
  return sessions.sort((a, b) => a.start - b.start || a.viewer.localeCompare(b.viewer));
}

/** Distinct people who watched, and the average of each person's total watching time. */
export function audienceFigures(sessions: readonly WatchSession[]): { unique: number; averageWatchMs: number } {
  const perViewer = new Map<string, number>();
  for (const s of sessions) perViewer.set(s.viewer, (perViewer.get(s.viewer) ?? 0) + (s.end - s.start));
  if (perViewer.size === 0) return { unique: 0, averageWatchMs: 0 };
  let total = 0;
  for (const ms of perViewer.values()) total += ms;
  return { unique: perViewer.size, averageWatchMs: Math.round(total / perViewer.size) };
}

/** About 120 points whatever the length: whole minutes, at least one. */
export function bucketSizeMs(window: TimeWindow): number {
  const minutes = Math.ceil((window.end - window.start) / 120 / 60_000);
  return Math.max(1, minutes) * 60_000;
}

export function bucketCount(window: TimeWindow, bucketMs: number): number {
  return Math.max(1, Math.ceil((window.end - window.start) / bucketMs));
}

/**
 * The most people watching at once within each bucket (a sweep over starts and ends; an
 * end at the same instant as a start is applied first, so a reconnect is not two viewers).
 */
export function concurrentViewers(sessions: readonly WatchSession[], window: TimeWindow, bucketMs: number): number[] {
  const series = new Array<number>(bucketCount(window, bucketMs)).fill(0);
  const edges = sessions.flatMap((s) => [
    { at: s.start, delta: 1 },
    { at: s.end, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let bucket = 0;
  for (const edge of edges) {
    const index = Math.min(series.length - 1, Math.max(0, Math.floor((edge.at - window.start) / bucketMs)));
    // Buckets passed without a change hold the count throughout; sessions are half-open
    // [start, end), so a count that changes exactly at a bucket's start never held in it.
    for (; bucket < index; bucket++) series[bucket] = Math.max(series[bucket]!, current);
    if (edge.at > window.start + index * bucketMs) series[index] = Math.max(series[index]!, current);
    current += edge.delta;
    series[index] = Math.max(series[index]!, current);
  }
  return series;
}

/** Sums each point's value into its bucket; points outside the window are left out. */
export function sumSeries(points: readonly { at: number; value: number }[], window: TimeWindow, bucketMs: number): number[] {
  const series = new Array<number>(bucketCount(window, bucketMs)).fill(0);
  for (const p of points) {
    if (p.at < window.start || p.at > window.end) continue;
    const index = Math.min(series.length - 1, Math.floor((p.at - window.start) / bucketMs));
    series[index] = series[index]! + p.value;
  }
  return series;
}

export interface PinChange {
  productId: string;
  action: 'PIN' | 'UNPIN';
  at: number;
}

/** How long each product was pinned: a pin lasts until the next pin, an unpin or the end of the show. */
export function pinnedDurations(changes: readonly PinChange[], window: TimeWindow): Map<string, number> {
  const totals = new Map<string, number>();
  let pinned: { productId: string; since: number } | null = null;
  const stop = (at: number) => {
    if (!pinned) return;
    const ms = Math.max(0, Math.min(at, window.end) - Math.max(pinned.since, window.start));
    totals.set(pinned.productId, (totals.get(pinned.productId) ?? 0) + ms);
    pinned = null;
  };
  for (const change of [...changes].sort((a, b) => a.at - b.at)) {
    stop(change.at);
    if (change.action === 'PIN') pinned = { productId: change.productId, since: change.at };
  }
  stop(window.end);
  return totals;
}

export interface FunnelInput {
  productId: string;
  title: string;
  pinnedMs: number;
  /** People who opened the product's card. */
  tapped: ReadonlySet<string>;
  addedToBag: ReadonlySet<string>;
  bought: ReadonlySet<string>;
  units: number;
}

export interface FunnelRow {
  productId: string;
  title: string;
  pinnedMs: number;
  tapped: number;
  addedToBag: number;
  bought: number;
  units: number;
  /** Buyers among the people who showed interest, 0 to 1; null when nobody did. */
  conversion: number | null;
}

/**
 * Each step counts people, and a later step implies the earlier ones: a one-tap buyer
 * touched the card even if they never opened it, so "tapped" is everyone who opened it,
 * added it to their bag or bought it. Conversion is buyers over that.
 */
export function productFunnel(input: FunnelInput): FunnelRow {
  const interested = new Set([...input.tapped, ...input.addedToBag, ...input.bought]);
  const inBag = new Set([...input.addedToBag]);
  return {
    productId: input.productId,
    title: input.title,
    pinnedMs: input.pinnedMs,
    tapped: interested.size,
    addedToBag: inBag.size,
    bought: input.bought.size,
    units: input.units,
    conversion: interested.size === 0 ? null : input.bought.size / interested.size,
  };
}
