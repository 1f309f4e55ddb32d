import { z } from 'zod';

// Every kind of job the queue knows, with the schema of its payload. The queue
// stores payloads as JSON, so each is parsed again when it runs: a row written
// by an older release fails loudly instead of half-working.

const isoDateTime = z.iso.datetime();

export const emailSendPayloadSchema = z.object({
  dedupeKey: z.string().min(1).max(300),
  to: z.email(),
  subject: z.string().min(1).max(500),
  text: z.string(),
  html: z.string(),
  kind: z.string().min(1).max(60),
  /** RFC 8058 one-click unsubscribe endpoint; set on notification emails only. */
  listUnsubscribeUrl: z.url().optional(),
});
export type EmailSendPayload = z.infer<typeof emailSendPayloadSchema>;

export const jobPayloadSchemas = {
  'email.send': emailSendPayloadSchema,
  /** Turns a show's current start time into one 'show.reminders' job per lead time. */
  'show.plan-reminders': z.object({ showId: z.string().min(1), start: isoDateTime }),
  /** Emails everyone whose chosen lead time is `leadMinutes`, if the show still starts at `start`. */
  'show.reminders': z.object({ showId: z.string().min(1), start: isoDateTime, leadMinutes: z.number().int().positive() }),
  'show.live': z.object({ showId: z.string().min(1), startedAt: isoDateTime }),
  'show.changed': z.discriminatedUnion('change', [
    z.object({ showId: z.string().min(1), change: z.literal('rescheduled'), previousStart: isoDateTime, start: isoDateTime }),
    z.object({ showId: z.string().min(1), change: z.literal('cancelled'), cancelledAt: isoDateTime, reason: z.string() }),
  ]),
  /** A sign-in or verification link; the link is derived when sending, never stored (server/effects/link-emails.ts). */
  'auth.link-email': z.object({ tokenId: z.string().min(1), callbackUrl: z.string().max(600) }),
  /** A brand team invitation; like sign-in links, the payload names the invite, not its token. */
  'brand.invite-email': z.object({ inviteId: z.string().min(1) }),
  /** A paid order's receipt, composed when sent (the one-statement purchase writes only this); locale: the page's language. */
  'order.receipt': z.object({ orderId: z.string().min(1), locale: z.string().max(10).nullish() }),
  /** A unit back in stock held for someone on the waitlist: their email (written by the trigger waitlist_offer_restock). */
  'waitlist.offer': z.object({ entryId: z.string().min(1), heldAt: isoDateTime }),
  /** One attempt at sending a webhook delivery (server/webhooks/deliver.ts). */
  'webhook.deliver': z.object({ deliveryId: z.string().min(1) }),
  /** One check of a bank QR payment with its rail; each round queues the next (server/domain/qr-payments). */
  'qr.check': z.object({ qrPaymentId: z.string().min(1), round: z.number().int().positive() }),
  /** Stripe Connect payout of a paid order (written by the trigger order_stripe_payout_job; server/domain/connect-payouts). */
  // retry: the brand owner's "Try again" runs of a failed job (queue.ts retryFailedJob), for fresh idempotency keys.
  'stripe.payout': z.object({ orderId: z.string().min(1), retry: z.number().int().min(0).optional() }),
  /** Takes back the refunded share of an order's Connect transfers (trigger order_stripe_payout_reversal_job). */
  'stripe.payout-reversal': z.object({ orderId: z.string().min(1), retry: z.number().int().min(0).optional() }),
  /** Sends a scheduled campaign, if it is still scheduled for `sendAt` (server/domain/campaigns/send.ts). */
  'campaign.send': z.object({ campaignId: z.string().min(1), sendAt: isoDateTime }),
  /** "The replay is ready" to a show's attendees with marketing consent, when its recording became READY. */
  'campaign.replay-ready': z.object({ showId: z.string().min(1) }),
  /** The domain event account.deleted (server/domain/privacy): what follows outside the database; ids only, never the person. */
  'account.deleted': z.object({
    userId: z.string().min(1),
    deletedAt: isoDateTime,
    stripeCustomers: z.array(z.object({ providerId: z.string().min(1), customerId: z.string().min(1) })),
  }),
  /** Web push (server/domain/push): works out who gets which notification, then one 'push.send' per browser. */
  'push.fanout': z.discriminatedUnion('event', [
    z.object({ event: z.literal('show.live'), showId: z.string().min(1), startedAt: isoDateTime }),
    z.object({
      event: z.literal('show.reminder'),
      showId: z.string().min(1),
      start: isoDateTime,
      leadMinutes: z.number().int().positive(),
    }),
    z.object({ event: z.literal('auction.outbid'), auctionId: z.string().min(1), userId: z.string().min(1), priceMinor: z.number().int() }),
    z.object({ event: z.literal('order.status'), orderId: z.string().min(1), status: z.enum(['PACKED', 'SHIPPED', 'DELIVERED']) }),
  ]),
  /** One notification to one browser, already worded in its person's language (server/effects/push.ts sends it). */
  'push.send': z.object({
    subscriptionId: z.string().min(1),
    title: z.string().min(1).max(300),
    body: z.string().max(1000),
    url: z.string().startsWith('/').max(600),
    tag: z.string().min(1).max(200),
    ttlSeconds: z.number().int().min(0).max(2_419_200),
    urgency: z.enum(['very-low', 'low', 'normal', 'high']),
  }),
} as const;

export type JobKind = keyof typeof jobPayloadSchemas;
export type JobPayload<K extends JobKind> = z.infer<(typeof jobPayloadSchemas)[K]>;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobPayloadSchemas, kind);
}
