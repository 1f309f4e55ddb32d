// The show.* webhook events, recorded by the operation that changes the show's
// status, inside its transaction: a show that goes live is announced exactly
// when (and only if) the change commits.
import { recordBrandEvent, type EventDb } from '../events';
import type { Db } from '../context';

export type ShowEventType = 'show.scheduled' | 'show.live' | 'show.ended';

/** Reads the show as it is now (inside the caller's transaction) and records the event with it. */
export async function recordShowEvent(
  db: EventDb & Pick<Db, 'show'>,
  showId: string,
  type: ShowEventType,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const show = await db.show.findUniqueOrThrow({
    where: { id: showId },
    select: { id: true, brandId: true, title: true, status: true, scheduledStart: true, startedAt: true, endedAt: true, hostId: true },
  });
  await recordBrandEvent(db, show.brandId, type, {
    showId: show.id,
    title: show.title,
    status: show.status,
    hostId: show.hostId,
    scheduledStart: show.scheduledStart.toISOString(),
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    ...extra,
  });
}
