// The scheduling code calls these after it has committed a change. Each is
// idempotent and cheap: it reads the show once and enqueues a job; who gets
// which email is worked out when the job runs (see show-notification-jobs.ts),
// so following a host after the show was scheduled still earns a reminder.
import { enqueueJob, enqueueJobs, type AnyNewJob } from '../../jobs/queue';
import type { Db } from '../context';
import { reminderLeadChoices } from './notification-preferences';

export type ShowChange = { kind: 'rescheduled'; previousStart: Date } | { kind: 'cancelled'; reason: string };

/**
 * (Re)plans the "starting soon" reminders for a scheduled show's current start
 * time. The per-lead jobs are made by a planning job because the default lead
 * time is configuration, which the job runner has and callers need not.
 */
export async function scheduleShowReminders(db: Db, showId: string): Promise<void> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true, hostInviteStatus: true, scheduledStart: true } });
  if (!show || show.status !== 'SCHEDULED' || show.hostInviteStatus !== 'ACCEPTED') return;
  const start = show.scheduledStart.toISOString();
  await enqueueJob(db, { kind: 'show.plan-reminders', payload: { showId, start }, dedupeKey: `show-plan:${showId}:${start}` });
}

/** Tells followers and "Remind me" people that the show moved or was cancelled. */
export async function announceShowChange(db: Db, showId: string, change: ShowChange): Promise<void> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { scheduledStart: true, cancelledAt: true, status: true } });
  if (!show) return;
  switch (change.kind) {
    case 'rescheduled': {
      const start = show.scheduledStart.toISOString();
      await enqueueJob(db, {
        kind: 'show.changed',
        payload: { showId, change: 'rescheduled', previousStart: change.previousStart.toISOString(), start },
        dedupeKey: `show-changed:${showId}:rescheduled:${start}`,
      });
      await scheduleShowReminders(db, showId);
      return;
    }
    case 'cancelled': {
      if (show.status !== 'CANCELLED') return;
      const cancelledAt = (show.cancelledAt ?? show.scheduledStart).toISOString();
      await enqueueJob(db, {
        kind: 'show.changed',
        payload: { showId, change: 'cancelled', cancelledAt, reason: change.reason },
        dedupeKey: `show-changed:${showId}:cancelled:${cancelledAt}`,
      });
      return;
    }
    default:
      return assertNever(change);
  }
}

/** Tells followers and "Remind me" people that the show is live now. */
export async function announceShowLive(db: Db, showId: string): Promise<void> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { status: true, startedAt: true, visibility: true, inviteFollowers: true },
  });
  if (!show || show.status !== 'LIVE' || !show.startedAt) return;
  // A private show is announced only where its audience may open it: an unlisted link is not spread,
  // and an invite-only show is announced only when the brand let its followers in.
  if (show.visibility === 'UNLISTED' || (show.visibility === 'INVITE_ONLY' && !show.inviteFollowers)) return;
  const startedAt = show.startedAt.toISOString();
  await enqueueJob(db, { kind: 'show.live', payload: { showId, startedAt }, dedupeKey: `show-live:${showId}:${startedAt}` });
}

/**
 * One 'show.reminders' job per offered lead time, due `lead` minutes before the
 * start. A lead whose moment has already passed is due at once: people who
 * asked for a day's notice of a show planned an hour ahead still hear of it.
 */
export async function planShowReminders(db: Db, show: { id: string; scheduledStart: Date }, defaultLeadMinutes: number): Promise<number> {
  const start = show.scheduledStart.toISOString();
  const jobs: AnyNewJob[] = reminderLeadChoices(defaultLeadMinutes).map((leadMinutes) => ({
    kind: 'show.reminders',
    payload: { showId: show.id, start, leadMinutes },
    runAt: new Date(show.scheduledStart.getTime() - leadMinutes * 60_000),
    dedupeKey: `show-reminders:${show.id}:${start}:${leadMinutes}`,
  }));
  return enqueueJobs(db, jobs);
}

/**
 * Plans reminders for every accepted, scheduled show starting within the
 * longest lead (plus a margin). The job runner calls it at boot and now and
 * then, so shows seeded or created while no runner was up are covered; the
 * dedupe keys make repeating it nearly free.
 */
export async function planUpcomingReminders(db: Db, defaultLeadMinutes: number, marginMinutes = 60): Promise<number> {
  const horizonMinutes = Math.max(...reminderLeadChoices(defaultLeadMinutes)) + marginMinutes;
  const now = Date.now();
  const shows = await db.show.findMany({
    where: {
      status: 'SCHEDULED',
      hostInviteStatus: 'ACCEPTED',
      scheduledStart: { gt: new Date(now), lte: new Date(now + horizonMinutes * 60_000) },
    },
    select: { id: true, scheduledStart: true },
  });
  let planned = 0;
  for (const show of shows) planned += await planShowReminders(db, show, defaultLeadMinutes);
  return planned;
}

function assertNever(value: never): never {
  throw new Error(`unhandled show change ${JSON.stringify(value)}`);
}
