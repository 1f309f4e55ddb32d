import type { WebhookDeliveryStatus } from '../../db/client';
import { newWebhookSecret } from '../../webhooks/signing';
import { requireBrandMember } from './brand-access';
import { queueWebhookDelivery, TEST_EVENT_TYPE } from '../events';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import { webhookEndpointInputSchema, type WebhookEndpointInput } from './webhooks.schema';

export * from './webhooks.schema';

// The brand's side of webhooks. Every function starts at the brand gate and then
// touches only endpoints, events and deliveries of the brand it returned, so an
// id from another brand is NOT_FOUND like one that does not exist. Owners create,
// delete and rotate (the secret is what proves a delivery came from us); any
// member may pause, test and replay.

export const RECENT_DELIVERIES = 20;

export interface WebhookDeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookEndpointRow {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
  deliveries: WebhookDeliveryRow[];
}

const endpointNotFound = (id: string) => new AppError('ENDPOINT_NOT_FOUND', `webhook endpoint ${id} not in this brand`);

function parseEndpointInput(raw: WebhookEndpointInput) {
  const parsed = webhookEndpointInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  return parsed.data;
}

async function brandEndpoint(db: Db, brandId: string, endpointId: string): Promise<{ id: string; active: boolean }> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, brandId }, select: { id: true, active: true } });
  if (!endpoint) throw endpointNotFound(endpointId);
  return endpoint;
}

/** A paused endpoint is sent nothing, not even on request: the delivery job would only mark it failed. */
async function activeBrandEndpoint(db: Db, brandId: string, endpointId: string): Promise<{ id: string }> {
  const endpoint = await brandEndpoint(db, brandId, endpointId);
  if (!endpoint.active) throw new AppError('ENDPOINT_PAUSED', `webhook endpoint ${endpointId} is paused`);
  return endpoint;
}

/** Creates an endpoint; the secret is answered here once and never shown again. */
export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  slug: string,
  raw: WebhookEndpointInput,
): Promise<{ id: string; secret: string }> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  const input = parseEndpointInput(raw);
  const secret = newWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { brandId: access.brandId, url: input.url, events: input.events, secret },
    select: { id: true },
  });
  return { id: endpoint.id, secret };
}

export async function listWebhookEndpoints(db: Db, actor: Actor, slug: string): Promise<WebhookEndpointRow[]> {
  const access = await requireBrandMember(db, actor, { slug });
  const rows = await db.webhookEndpoint.findMany({
    where: { brandId: access.brandId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: RECENT_DELIVERIES,
        select: {
          id: true,
          eventId: true,
          status: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          lastAttemptAt: true,
          deliveredAt: true,
          createdAt: true,
          event: { select: { type: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    deliveries: row.deliveries.map(({ event, ...d }) => ({
      ...d,
      eventType: event.type,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  }));
}

/** Pauses or resumes an endpoint; while paused, new events are not queued for it and queued retries stop. */
export async function setWebhookEndpointActive(db: Db, actor: Actor, slug: string, endpointId: string, active: boolean): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug });
  await brandEndpoint(db, access.brandId, endpointId);
  await db.webhookEndpoint.update({ where: { id: endpointId }, data: { active } });
}

/** A new secret, answered once; deliveries from now on (retries too) are signed with it. */
export async function rotateWebhookSecret(db: Db, actor: Actor, slug: string, endpointId: string): Promise<{ secret: string }> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  await brandEndpoint(db, access.brandId, endpointId);
  const secret = newWebhookSecret();
  await db.webhookEndpoint.update({ where: { id: endpointId }, data: { secret } });
  return { secret };
}

/** Deletes the endpoint with its delivery log; its queued jobs find nothing and finish. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, slug: string, endpointId: string): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  await brandEndpoint(db, access.brandId, endpointId);
  await db.webhookEndpoint.delete({ where: { id: endpointId } });
}

/** Sends a 'webhook.test' event to this one endpoint only. */
export async function sendTestWebhook(db: Db, actor: Actor, slug: string, endpointId: string): Promise<{ deliveryId: string }> {
  const access = await requireBrandMember(db, actor, { slug });
  await activeBrandEndpoint(db, access.brandId, endpointId);
  return db.$transaction(async (tx) => {
    const event = await tx.brandEvent.create({
      data: {
        brandId: access.brandId,
        type: TEST_EVENT_TYPE,
        data: { message: 'This is a test event from Live Commerce.', sentBy: actor.name },
      },
      select: { id: true },
    });
    return queueWebhookDelivery(tx, endpointId, event.id);
  });
}

/** Sends a delivery's event to its endpoint again, as a new delivery with its own attempts. */
export async function replayDelivery(db: Db, actor: Actor, slug: string, deliveryId: string): Promise<{ deliveryId: string }> {
  const access = await requireBrandMember(db, actor, { slug });
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpoint: { brandId: access.brandId } },
    select: { endpointId: true, eventId: true },
  });
  if (!delivery) throw new AppError('DELIVERY_NOT_FOUND', `webhook delivery ${deliveryId} not in this brand`);
  await activeBrandEndpoint(db, access.brandId, delivery.endpointId);
  return replay(db, delivery.endpointId, delivery.eventId);
}

/** Sends one of the brand's events to one of its endpoints, whether or not it was sent there before. */
export async function replayEvent(
  db: Db,
  actor: Actor,
  slug: string,
  eventId: string,
  endpointId: string,
): Promise<{ deliveryId: string }> {
  const access = await requireBrandMember(db, actor, { slug });
  await activeBrandEndpoint(db, access.brandId, endpointId);
  const event = await db.brandEvent.findFirst({ where: { id: eventId, brandId: access.brandId }, select: { id: true } });
  if (!event) throw new AppError('EVENT_NOT_FOUND', `brand event ${eventId} not in this brand`);
  return replay(db, endpointId, event.id);
}

function replay(db: Db, endpointId: string, eventId: string): Promise<{ deliveryId: string }> {
  return db.$transaction((tx) => queueWebhookDelivery(tx, endpointId, eventId));
}
