// What follows a recorded job: the subscribers. The domain writes `Job` rows (emails to send,
// show notifications to fan out, webhook deliveries) in the transaction of its change; the job
// runner claims them and calls the handler registered here for their kind.
import { flushPendingShowAudits } from '../domain/audit';
import { followUpAbandonedBags, replayReadyJob, sendCampaignJob } from '../domain/campaigns';
import type { Db } from '../domain/context';
import { queueReceiptEmail, sweepOrphanedReservations } from '../domain/orders';
import type { PaymentProvider } from '../domain/payments';
import { changedJob, liveJob, planRemindersJob, planUpcomingReminders, remindersJob } from '../domain/notifications';
import { deliverPush, fanOutPush, queuePush } from '../domain/push';
import { emailWaitlistOffer, releaseExpiredHolds } from '../domain/waitlist';
import { qrConfigOf, resumeStalledQrChecks, runQrCheck } from '../domain/qr-payments';
import { stripePayoutJob, stripePayoutReversalJob } from '../domain/connect-payouts';
import { accountDeletedJob, anonymiseFinishedOrdersOfDeletedAccounts } from '../domain/privacy';
import type { Env } from '../env';
import type { JobHandlers } from '../jobs/handlers';
import type { Logger } from '../log';
import { deliverEmail } from '../mail/deliver';
import { deliverWebhook } from '../webhooks/deliver';
import { brandInviteEmailJob, linkEmailJob } from './link-emails';

export const jobHandlers: JobHandlers = {
  'email.send': (payload, ctx) => deliverEmail(ctx, payload),
  'show.plan-reminders': planRemindersJob,
  // Each show notification also has a web push side, fanned out on its own (server/domain/push).
  'show.reminders': async (payload, ctx) => {
    await queuePush(ctx.db, { event: 'show.reminder', ...payload });
    return remindersJob(payload, ctx);
  },
  'show.live': async (payload, ctx) => {
    await queuePush(ctx.db, { event: 'show.live', ...payload });
    return liveJob(payload, ctx);
  },
  'show.changed': changedJob,
  'auth.link-email': linkEmailJob,
  'brand.invite-email': brandInviteEmailJob,
  'webhook.deliver': deliverWebhook,
  'order.receipt': async ({ orderId, locale }, ctx) => {
    await queueReceiptEmail(ctx.db, orderId, locale ?? null, ctx.env.PUBLIC_URL);
    return 'done';
  },
  'waitlist.offer': async ({ entryId, heldAt }, ctx) => {
    await emailWaitlistOffer(ctx.db, entryId, heldAt, ctx.env.PUBLIC_URL);
    return 'done';
  },
  'campaign.send': sendCampaignJob,
  'campaign.replay-ready': replayReadyJob,
  'push.fanout': async (payload, ctx) => {
    const queued = await fanOutPush(ctx.db, payload, ctx.env.REMINDER_LEAD_MINUTES);
    ctx.log.info({ event: payload.event, queued }, 'web push fanned out');
    return 'done';
  },
  'push.send': deliverPush,
  'qr.check': async ({ qrPaymentId, round }, ctx) => {
    await runQrCheck(ctx.db, qrConfigOf(ctx.env), qrPaymentId, round);
    return 'done';
  },
  // Without the app's payment router nothing can open a brand's Stripe account; server/app.ts passes it.
  'account.deleted': accountDeletedJob(null),
  'stripe.payout': stripePayoutJob(null),
  'stripe.payout-reversal': stripePayoutReversalJob(null),
};

/**
 * The job runner's periodic sweep: plans reminders for upcoming shows so none is missed if a show
 * was created while no runner was up. Never throws: a failed sweep is logged and tried again later.
 */
export function reminderSweep(db: Db, env: Env, log: Logger): () => Promise<void> {
  return () =>
    planUpcomingReminders(db, env.REMINDER_LEAD_MINUTES).then(
      (planned) => {
        if (planned > 0) log.info({ planned }, 'reminders planned for upcoming shows');
      },
      (error: unknown) => log.error({ err: error }, 'planning upcoming reminders failed'),
    );
}

/**
 * Settles order reservations orphaned by a process that died between reserve and confirm
 * (server/domain/orders/order-sweeper.ts): asks the provider what became of each charge.
 */
export function reservationSweep(db: Db, payments: PaymentProvider, log: Logger): () => Promise<void> {
  return () =>
    sweepOrphanedReservations(db, payments).then(
      ({ released, confirmed, failed }) => {
        if (released.length > 0 || confirmed.length > 0) log.warn({ released, confirmed }, 'orphaned order reservations settled');
        for (const { orderId, error } of failed) log.error({ orderId, err: error }, 'orphaned order reservation not settled');
      },
      (error: unknown) => log.error({ err: error }, 'sweeping order reservations failed'),
    );
}

/**
 * Gives back the units held for people on a waitlist who did not buy in time; the restock trigger
 * offers each to the next person in line (server/domain/waitlist).
 */
export function waitlistSweep(db: Db, log: Logger): () => Promise<void> {
  return () =>
    releaseExpiredHolds(db).then(
      (released) => {
        if (released.length > 0) log.info({ released }, 'expired waitlist holds given back');
      },
      (error: unknown) => log.error({ err: error }, 'releasing expired waitlist holds failed'),
    );
}

/**
 * Chains the live shows' stock changes that sales left in ShowAuditPending into their audit
 * logs (server/domain/audit): a storm's entries go in as one batch per show, off the sales' path.
 */
export function showAuditSweep(db: Db, log: Logger): () => Promise<void> {
  return () =>
    flushPendingShowAudits(db).then(
      () => undefined,
      (error: unknown) => log.error({ err: error }, 'chaining pending show audit entries failed'),
    );
}

/** Resumes QR payment waits whose chain of checks stopped, so none holds its units or misses a payment for good. */
export function qrPaymentSweep(db: Db, log: Logger): () => Promise<void> {
  return () =>
    resumeStalledQrChecks(db).then(
      (resumed) => {
        if (resumed > 0) log.warn({ resumed }, 'stalled QR payment checks resumed');
      },
      (error: unknown) => log.error({ err: error }, 'resuming QR payment checks failed'),
    );
}

/** Sends the abandoned-bag follow-ups that became due (server/domain/campaigns/abandoned-bag.ts). */
export function abandonedBagSweep(db: Db, env: Env, log: Logger): () => Promise<void> {
  return () =>
    followUpAbandonedBags(db, env).then(
      (queued) => {
        if (queued > 0) log.info({ queued }, 'abandoned-bag follow-ups queued');
      },
      (error: unknown) => log.error({ err: error }, 'following up abandoned bags failed'),
    );
}

/** Replaces the shipping address of orders whose buyer deleted the account once the brand has finished with them (server/domain/privacy). */
export function deletedBuyerOrdersSweep(db: Db, log: Logger): () => Promise<void> {
  return () =>
    anonymiseFinishedOrdersOfDeletedAccounts(db).then(
      (count) => {
        if (count > 0) log.info({ count }, 'finished orders of deleted accounts anonymised');
      },
      (error: unknown) => log.error({ err: error }, 'anonymising finished orders of deleted accounts failed'),
    );
}
