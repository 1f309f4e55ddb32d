// The jobs behind show notifications. Each re-reads the show and does nothing
// when the world moved on (rescheduled again, cancelled, already ended), so a
// stale job is harmless; each email has a per-person dedupeKey, so a job that
// runs twice sends nothing twice.
import type { JobContext, JobHandler, JobOutcome } from '../../jobs/context';
import { enqueueEmails, type OutgoingEmail } from '../../mail/outbox';
import { renderShowEmail, type ShowEmail, type ShowEmailFacts } from '../../mail/templates';
import type { Db } from '../context';
import type { NotificationTopic } from './notification-preferences';
import { showRecipients, type Recipient } from './notification-recipients';
import { planShowReminders } from './show-notifications';
import { unsubscribeLinks } from './unsubscribe';

export const planRemindersJob: JobHandler<'show.plan-reminders'> = async ({ showId, start }, ctx) => {
  const show = await loadShow(ctx.db, showId);
  if (!show || show.status !== 'SCHEDULED' || show.hostInviteStatus !== 'ACCEPTED' || show.scheduledStart.toISOString() !== start)
    return 'discard';
  const planned = await planShowReminders(ctx.db, show, ctx.env.REMINDER_LEAD_MINUTES);
  ctx.log.info({ showId, start, planned }, 'reminders planned');
  // The per-lead jobs carry the idempotency; this one leaves no record so a later reschedule back to this time plans again.
  return 'discard';
};

export const remindersJob: JobHandler<'show.reminders'> = async ({ showId, start, leadMinutes }, ctx) => {
  const show = await loadShow(ctx.db, showId);
  const now = Date.now();
  if (
    !show ||
    show.status !== 'SCHEDULED' ||
    show.hostInviteStatus !== 'ACCEPTED' ||
    show.scheduledStart.toISOString() !== start ||
    show.scheduledStart.getTime() <= now
  ) {
    ctx.log.info({ showId, start, leadMinutes, status: show?.status }, 'reminder is stale; nothing sent');
    return 'discard';
  }
  const recipients = (await showRecipients(ctx.db, show, 'reminders', ctx.env.REMINDER_LEAD_MINUTES)).filter(
    (r) => r.preferences.reminderLeadMinutes === leadMinutes,
  );
  const minutesUntilStart = Math.max(1, Math.round((show.scheduledStart.getTime() - now) / 60_000));
  return sendToAll(
    ctx,
    show,
    recipients,
    'reminders',
    { kind: 'show.reminder', minutesUntilStart },
    (r) => `reminder:${showId}:${r.userId}:${start}`,
  );
};

export const liveJob: JobHandler<'show.live'> = async ({ showId, startedAt }, ctx) => {
  const show = await loadShow(ctx.db, showId);
  if (!show || show.status !== 'LIVE' || show.startedAt?.toISOString() !== startedAt) return 'discard';
  const recipients = await showRecipients(ctx.db, show, 'live', ctx.env.REMINDER_LEAD_MINUTES);
  return sendToAll(ctx, show, recipients, 'live', { kind: 'show.live' }, (r) => `live:${showId}:${r.userId}:${startedAt}`);
};

export const changedJob: JobHandler<'show.changed'> = async (payload, ctx) => {
  const show = await loadShow(ctx.db, payload.showId);
  if (!show) return 'discard';
  const recipients = () => showRecipients(ctx.db, show, 'changes', ctx.env.REMINDER_LEAD_MINUTES);
  switch (payload.change) {
    case 'rescheduled':
      // Moved again since: the later change's email tells the current time.
      if (show.status !== 'SCHEDULED' || show.scheduledStart.toISOString() !== payload.start) return 'discard';
      return sendToAll(
        ctx,
        show,
        await recipients(),
        'changes',
        { kind: 'show.rescheduled', previousStart: new Date(payload.previousStart) },
        (r) => `changed:${show.id}:${r.userId}:rescheduled:${payload.start}`,
      );
    case 'cancelled':
      if (show.status !== 'CANCELLED') return 'discard';
      return sendToAll(
        ctx,
        show,
        await recipients(),
        'changes',
        { kind: 'show.cancelled', reason: payload.reason },
        (r) => `changed:${show.id}:${r.userId}:cancelled:${payload.cancelledAt}`,
      );
    default:
      return assertNever(payload);
  }
};

type NotifiedShow = NonNullable<Awaited<ReturnType<typeof loadShow>>>;

function loadShow(db: Db, showId: string) {
  return db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      title: true,
      status: true,
      hostInviteStatus: true,
      scheduledStart: true,
      startedAt: true,
      hostId: true,
      brandId: true,
      host: { select: { name: true } },
      brand: { select: { name: true, timeZone: true } },
    },
  });
}

async function sendToAll(
  ctx: JobContext,
  show: NotifiedShow,
  recipients: Recipient[],
  topic: NotificationTopic,
  email: ShowEmail,
  dedupeKeyFor: (recipient: Recipient) => string,
): Promise<JobOutcome> {
  const { env } = ctx;
  const facts: ShowEmailFacts = {
    showId: show.id,
    title: show.title,
    hostName: show.host.name,
    brandName: show.brand.name,
    brandTimeZone: show.brand.timeZone,
    start: show.scheduledStart,
  };
  const emails = recipients.map((recipient): OutgoingEmail => {
    const unsubscribe = unsubscribeLinks(env.PUBLIC_URL, env.AUTH_SECRET, { userId: recipient.userId, purpose: topic });
    const rendered = renderShowEmail(
      email,
      facts,
      recipient.name,
      {
        showUrl: `${env.PUBLIC_URL}/shows/${encodeURIComponent(show.id)}`,
        unsubscribeUrl: unsubscribe.pageUrl,
        preferencesUrl: `${env.PUBLIC_URL}/account/notifications`,
      },
      recipient.locale,
    );
    return {
      ...rendered,
      dedupeKey: dedupeKeyFor(recipient),
      to: recipient.email,
      kind: email.kind,
      listUnsubscribeUrl: unsubscribe.oneClickUrl,
    };
  });
  const queued = await enqueueEmails(ctx.db, emails);
  ctx.log.info({ showId: show.id, emailKind: email.kind, recipients: recipients.length, queued }, 'show emails queued');
  return 'done';
}

function assertNever(value: never): never {
  throw new Error(`unhandled show change ${JSON.stringify(value)}`);
}
