// Records something that happened to a brand's data and queues its webhook
// deliveries. Call it after the change has committed, or inside the same
// transaction passing `tx`: then the event, its deliveries and their jobs commit
// (or roll back) together with the change, so no webhook announces a change
// that never happened and no change goes unannounced.
import type { Prisma } from '../../db/client';
import type { Db } from '../context';
import { WEBHOOK_MAX_ATTEMPTS } from '../../webhooks/attempts';

export const BRAND_EVENT_TYPES = [
  'order.created',
  'order.paid',
  'order.packed',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
  'order.refunded',
  'order.address_changed',
  'order.return_requested',
  'support.conversation_opened',
  'support.replied',
  'stock.changed',
  'product.updated',
  'show.scheduled',
  'show.live',
  'show.ended',
  'recording.ready',
  'recording.deleted',
  'campaign.sent',
  'review.published',
  'review.hidden',
] as const;

export type BrandEventType = (typeof BRAND_EVENT_TYPES)[number];

/** Sent only by "Send test event", to the one endpoint it was asked for. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** An endpoint subscribed to this receives every event type, including ones added later. */
export const ALL_EVENTS = '*';

// Delivery's own policy (server/webhooks/attempts.ts); the outbox writes it on each delivery job.
export { WEBHOOK_MAX_ATTEMPTS } from '../../webhooks/attempts';

/** The outbox tables: an event, and the deliveries and jobs of the webhooks subscribed to it. */
export type EventDb = Pick<Db, 'brandEvent' | 'webhookEndpoint' | 'webhookDelivery' | 'job'>;

export async function recordBrandEvent(db: EventDb, brandId: string, type: BrandEventType, data: Record<string, unknown>): Promise<void> {
  const event = await db.brandEvent.create({ data: { brandId, type, data: data as Prisma.InputJsonObject }, select: { id: true } });
  const endpoints = await db.webhookEndpoint.findMany({
    where: { brandId, active: true, events: { hasSome: [type, ALL_EVENTS] } },
    select: { id: true },
  });
  for (const endpoint of endpoints) await queueWebhookDelivery(db, endpoint.id, event.id);
}

/** A new PENDING delivery of one event to one endpoint, and the job that sends it. */
export async function queueWebhookDelivery(
  db: Pick<Db, 'webhookDelivery' | 'job'>,
  endpointId: string,
  eventId: string,
): Promise<{ deliveryId: string }> {
  const delivery = await db.webhookDelivery.create({ data: { endpointId, eventId }, select: { id: true } });
  // Written directly rather than through enqueueJob, which wants a full client:
  // this must also work with a transaction client. The runner's next poll (≤ 1 s)
  // picks the job up. The job may run one more time than the delivery may be
  // attempted, so an attempt lost to a crashed worker cannot fail the job while
  // its delivery is still PENDING; the delivery row counts the real attempts.
  await db.job.createMany({
    data: [
      {
        kind: 'webhook.deliver',
        payload: { deliveryId: delivery.id },
        dedupeKey: webhookJobKey(delivery.id),
        maxAttempts: WEBHOOK_MAX_ATTEMPTS + 1,
      },
    ],
    skipDuplicates: true,
  });
  return { deliveryId: delivery.id };
}

export function webhookJobKey(deliveryId: string): string {
  return `webhook-delivery:${deliveryId}`;
}
