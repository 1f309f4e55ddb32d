// Group commit for one-tap purchases (issue 14): taps on one variant (and deal) that
// arrive while that lane's statement is at the database wait for it, then all go
// together as the next statement, reserve_orders (migration 20261212010000), which
// runs reserve_order for each in one transaction. The round trip and the commit are
// paid once per batch, and the variant's stock is taken once, by one UPDATE after the
// batch's last tap (migration 20261213010000): the row is locked only from there to the
// commit, so a lane may have two batches at the database, the second doing its inserts
// while the first holds the row. When the batch's buyers are all different, its plain paid
// sales' rows (order, item, payment, order event, brand events, receipt job) are written
// after the checks with one INSERT per table for the whole batch (migration
// 20261214020000), not one per sale, and before any tap that writes its own rows, so that
// order numbers follow the taps (20261215020000). The functions plan no sequential scan
// (20261215010000): a plan cached while the order tables were empty must not read every
// order once they are not. No timer: a lone tap goes at once, so a quiet show adds no
// latency; batches grow only while the database is busy.
import { rawQuery } from '../../db/raw';
import type { Db } from '../context';

/** What reserve_order takes for one tap, as reserve_orders reads it from its jsonb array. */
export interface TapReservation {
  orderId: string;
  buyerId: string;
  showId: string;
  source: string;
  lines: readonly { variantId: string; quantity: number; dealId: string | null; auctionId?: string }[];
  idempotencyKey: string;
  couponCode: string | null;
  expectedTotalMinor: number | null;
  /** reserve_order's p_inline, as the JSON text the pipeline builds. */
  inline: string | null;
}

/**
 * Taps per statement at most. A batch that falls back to placing its taps one by one (its stock
 * gone by its end, or a tap's error) makes each tap a subtransaction (and reserve_order's own
 * block another): PostgreSQL keeps 64 subtransaction ids per backend in shared memory before
 * other sessions' snapshots need pg_subtrans, so a cap of 32 keeps a batch within that cache.
 */
export const MAX_BATCH = 32;

/**
 * Batches of one lane at the database at once. Two: on these 2-core machines a batch spends
 * nearly all its time placing its taps (~1 ms of PostgreSQL CPU each) before it touches the
 * variant's row, so a second batch overlaps all of that; a third would only queue for a core.
 * A lane whose taps lock a shared row per tap (a flash deal's sold count) keeps one: a second
 * batch would wait on that row for the whole of the first.
 */
export const MAX_IN_FLIGHT = 2;

interface Waiting {
  tap: TapReservation;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  queue: Waiting[];
  /** Batches of this lane at the database now. */
  inFlight: number;
  /** At most this many (MAX_IN_FLIGHT, or 1 for a lane whose taps share a row besides the stock). */
  limit: number;
  /** A send is queued for the end of this turn. */
  scheduled: boolean;
}

const lanes = new WeakMap<Db, Map<string, Lane>>();

/**
 * Reserves one tap with whichever taps of its lane are waiting: resolves with reserve_order's
 * answer for this tap (an order or a refusal), or rejects with the error that failed it, or
 * failed the whole statement (every tap of that batch is answered with the same error).
 */
export function reserveInBatch(db: Db, lane: string, tap: TapReservation, options: { sharedRowPerTap?: boolean } = {}): Promise<unknown> {
  let byLane = lanes.get(db);
  if (!byLane) lanes.set(db, (byLane = new Map()));
  let entry = byLane.get(lane);
  if (!entry) {
    entry = { queue: [], inFlight: 0, limit: options.sharedRowPerTap ? 1 : MAX_IN_FLIGHT, scheduled: false };
    byLane.set(lane, entry);
  }
  const answer = new Promise<unknown>((resolve, reject) => entry.queue.push({ tap, resolve, reject }));
  if (!entry.scheduled && entry.inFlight < entry.limit) {
    entry.scheduled = true;
    // After the taps already on their way in this turn (a microtask: no wait, no timer), so that
    // taps released together (the stock gate's waiters) leave as one batch.
    const lanePending = entry;
    queueMicrotask(() => {
      lanePending.scheduled = false;
      send(db, byLane, lane, lanePending);
    });
  }
  return answer;
}

/** Sends the lane's waiting taps, MAX_BATCH a statement, while it has fewer than its limit of batches out. */
function send(db: Db, byLane: Map<string, Lane>, lane: string, entry: Lane): void {
  while (entry.inFlight < entry.limit && entry.queue.length > 0) {
    const batch = entry.queue.splice(0, MAX_BATCH);
    entry.inFlight += 1;
    void run(db, batch).then(() => {
      entry.inFlight -= 1;
      send(db, byLane, lane, entry);
      if (entry.inFlight === 0 && entry.queue.length === 0 && !entry.scheduled) byLane.delete(lane);
    });
  }
}

/** One batch's statement; never rejects: every tap of the batch is settled here. */
async function run(db: Db, batch: Waiting[]): Promise<void> {
  try {
    const answers = batch.length === 1 ? [await reserveOne(db, batch[0]!.tap)] : await reserveMany(db, batch);
    batch.forEach((waiting, i) => settle(waiting, answers[i]));
  } catch (error) {
    // The statement itself failed (a lost connection): nothing of the batch was committed, and
    // every tap in it gets the answer a lone tap gets today for the same failure.
    for (const waiting of batch) waiting.reject(error);
  }
}

/** One reserve_order call (a named prepared statement on each pooled connection): a lone tap, a bag, any order not batched. */
export async function reserveOne(db: Db, tap: TapReservation): Promise<unknown> {
  const [row] = await rawQuery<{ r: unknown }>(
    db,
    'SELECT "reserve_order"($1, $2, $3, $4, $5::jsonb, $6, $7, $8::int, $9::jsonb) AS r',
    [
      tap.orderId,
      tap.buyerId,
      tap.showId,
      tap.source,
      JSON.stringify(tap.lines),
      tap.idempotencyKey,
      tap.couponCode,
      tap.expectedTotalMinor,
      tap.inline,
    ],
    'reserve_order',
  );
  return row!.r;
}

async function reserveMany(db: Db, batch: readonly Waiting[]): Promise<unknown[]> {
  const taps = batch.map(({ tap }) => ({ ...tap, inline: tap.inline === null ? null : (JSON.parse(tap.inline) as unknown) }));
  const rows = await rawQuery<{ ord: number; r: unknown }>(
    db,
    'SELECT "ord", "r" FROM "reserve_orders"($1::jsonb)',
    [JSON.stringify(taps)],
    'reserve_orders',
  );
  const answers: unknown[] = new Array(batch.length);
  for (const row of rows) answers[row.ord - 1] = row.r;
  return answers;
}

interface TapError {
  outcome: 'ERROR';
  sqlstate: string;
  message: string;
}

const isTapError = (answer: unknown): answer is TapError =>
  typeof answer === 'object' && answer !== null && (answer as { outcome?: unknown }).outcome === 'ERROR';

function settle(waiting: Waiting, answer: unknown): void {
  if (answer === undefined) return waiting.reject(new Error('reserve_orders gave this tap no answer'));
  // The error a lone tap's statement would have raised, with the same SQLSTATE (as pg reports it).
  if (isTapError(answer)) return waiting.reject(Object.assign(new Error(answer.message), { code: answer.sqlstate }));
  waiting.resolve(answer);
}
