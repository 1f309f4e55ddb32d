import type { Db } from '../context';

export interface ShowAudience {
  /** Most viewers watching at once. */
  peak: number;
  /** Distinct viewers: a signed-in person once, each anonymous connection once. */
  unique: number;
}

/**
 * Keeps a show's audience for its summary. Presence is counted in memory by the
 * node that served the show; the larger figure wins, so a second end (or a
 * second node) never lowers what was recorded.
 */
export async function recordShowAudience(db: Db, showId: string, audience: ShowAudience): Promise<void> {
  await db.$executeRaw`
    UPDATE "Show" SET "peakViewers" = GREATEST("peakViewers", ${audience.peak}::int), "uniqueViewers" = GREATEST("uniqueViewers", ${audience.unique}::int)
     WHERE "id" = ${showId}`;
}
