// Fulfilment: the steps a brand moves a paid order through. Cancelling and
// refunding are money movements and live in payments/payments.ts
// (cancelOrder / refundOrder); this file never reaches CANCELLED or REFUNDED.
import { z } from 'zod';
import type { OrderStatus } from '../../db/client';
import { requireBrandMember } from '../brands';
import { recordBrandEvent, type BrandEventType } from '../events';
import type { Actor, Db } from '../context';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { queuePush } from '../push';
import { sendShippedEmail } from './order-emails';

export const ADVANCE_TARGETS = ['PACKED', 'SHIPPED', 'DELIVERED'] as const;
export type AdvanceTarget = (typeof ADVANCE_TARGETS)[number];

/**
 * Where staff may move an order from each status. Typed over every status, so a
 * new status fails to compile until someone decides where it may go. PLACED
 * becomes PAID through the payment, never by hand.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly AdvanceTarget[]>> = {
  PLACED: [],
  PAID: ['PACKED'],
  PACKED: ['SHIPPED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
  REFUNDED: [],
};

/** The status an order must be in to be moved to `to`. */
export function sourceStatusOf(to: AdvanceTarget): OrderStatus {
  switch (to) {
    case 'PACKED':
      return 'PAID';
    case 'SHIPPED':
      return 'PACKED';
    case 'DELIVERED':
      return 'SHIPPED';
    default:
      return unreachable(to);
  }
}

export function canAdvance(from: OrderStatus, to: AdvanceTarget): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

function unreachable(value: never): never {
  throw new Error(`unhandled order status ${String(value)}`);
}

const EVENT_OF: Record<AdvanceTarget, BrandEventType> = { PACKED: 'order.packed', SHIPPED: 'order.shipped', DELIVERED: 'order.delivered' };

export const shipmentSchema = z.object({
  carrier: z.string().trim().min(1, 'Enter the carrier.').max(60),
  trackingNumber: z.string().trim().min(1, 'Enter the tracking number.').max(80),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export const advanceOptionsSchema = z.object({
  /** The carrier for every order of the batch, unless `carriers` names one for an order. */
  carrier: z.string().trim().max(60).optional(),
  carriers: z.record(z.string(), z.string().trim().max(60)).optional(),
  trackingNumbers: z.record(z.string(), z.string().trim().max(80)).optional(),
  /** Base of the tracking link in the shipping email. */
  publicUrl: z.url(),
});
export type AdvanceOptions = z.infer<typeof advanceOptionsSchema>;

export type AdvanceResult =
  | { orderId: string; ok: true; orderNumber: number; status: AdvanceTarget }
  | ({ orderId: string; ok: false; orderNumber: number | null } & ErrorPayload);

export const MAX_BULK_ORDERS = 200;

/**
 * Moves each order one step, each on its own: one order in the wrong state does
 * not hold up the others, and every order gets its own result. Orders of other
 * brands (or that do not exist) are reported NOT_FOUND and never touched.
 */
export async function advanceOrders(
  db: Db,
  actor: Actor,
  slug: string,
  orderIds: readonly string[],
  to: AdvanceTarget,
  options: AdvanceOptions,
): Promise<AdvanceResult[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const opts = advanceOptionsSchema.parse(options);
  const ids = [...new Set(orderIds)];
  if (ids.length > MAX_BULK_ORDERS) throw new AppError('BULK_TOO_MANY', `${ids.length} orders in one batch`);
  const results: AdvanceResult[] = [];
  for (const orderId of ids) {
    try {
      const shipment =
        to === 'SHIPPED'
          ? { carrier: opts.carriers?.[orderId] || opts.carrier || '', trackingNumber: opts.trackingNumbers?.[orderId] ?? '' }
          : null;
      const done = await advanceBrandOrder(db, actor.userId, brand.brandId, orderId, to, shipment, opts.publicUrl);
      results.push({ orderId, ok: true, orderNumber: done.number, status: to });
    } catch (error) {
      const refusal = toErrorPayload(error);
      if (refusal.code === 'INTERNAL') console.error('order advance failed', { orderId, to, error });
      const number = await db.order.findFirst({ where: { id: orderId, brandId: brand.brandId }, select: { number: true } });
      results.push({ orderId, ok: false, orderNumber: number?.number ?? null, ...refusal });
    }
  }
  return results;
}

/** One order, for the order page's buttons. Throws instead of reporting. */
export async function advanceOrder(
  db: Db,
  actor: Actor,
  slug: string,
  orderId: string,
  to: AdvanceTarget,
  shipment: Shipment | null,
  publicUrl: string,
): Promise<{ number: number }> {
  const brand = await requireBrandMember(db, actor, { slug });
  return advanceBrandOrder(db, actor.userId, brand.brandId, orderId, to, shipment, publicUrl);
}

/**
 * The same step for the public API, whose caller is a brand's key rather than
 * a person: the key already fixed the brand, and the timeline records no actor.
 */
export async function advanceOrderByKey(
  db: Db,
  brandId: string,
  orderId: string,
  to: AdvanceTarget,
  shipment: Shipment | null,
  publicUrl: string,
): Promise<{ number: number }> {
  return advanceBrandOrder(db, null, brandId, orderId, to, shipment, publicUrl);
}

async function advanceBrandOrder(
  db: Db,
  actorId: string | null,
  brandId: string,
  orderId: string,
  to: AdvanceTarget,
  shipment: Shipment | null,
  publicUrl: string,
): Promise<{ number: number }> {
  const order = await db.order.findFirst({ where: { id: orderId, brandId }, select: { id: true, number: true, status: true } });
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} not in brand ${brandId}`);
  if (!canAdvance(order.status, to)) throw refusal(order.status, to);
  let ship: Shipment | null = null;
  if (to === 'SHIPPED') {
    const parsed = shipmentSchema.safeParse(shipment ?? {});
    if (!parsed.success) throw new AppError('ORDER_NEEDS_TRACKING', `order ${orderId} shipped without carrier or tracking`);
    ship = parsed.data;
  }
  const from = sourceStatusOf(to);
  const applied = await db.$transaction(async (tx) => {
    // Conditional on the status read above: of two people clicking at once, one
    // moves the order and the other finds it already moved.
    const now = new Date();
    const { count } = await tx.order.updateMany({
      where: { id: orderId, brandId, status: from },
      data: { status: to, ...timestampFor(to, now), ...(ship ? { carrier: ship.carrier, trackingNumber: ship.trackingNumber } : {}) },
    });
    if (count === 0) return false;
    await tx.orderEvent.create({ data: { orderId, status: to, actorId, note: ship ? `${ship.carrier} ${ship.trackingNumber}` : '' } });
    await recordBrandEvent(tx, brandId, EVENT_OF[to], { orderId, orderNumber: order.number, status: to, ...(ship ?? {}) });
    return true;
  });
  if (!applied) {
    const now = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
    throw refusal(now.status, to);
  }
  if (to === 'SHIPPED') await sendShippedEmail(db, orderId, publicUrl);
  await queuePush(db, { event: 'order.status', orderId, status: to });
  return { number: order.number };
}

function timestampFor(to: AdvanceTarget, now: Date): { packedAt: Date } | { shippedAt: Date } | { deliveredAt: Date } {
  switch (to) {
    case 'PACKED':
      return { packedAt: now };
    case 'SHIPPED':
      return { shippedAt: now };
    case 'DELIVERED':
      return { deliveredAt: now };
    default:
      return unreachable(to);
  }
}

function refusal(status: OrderStatus, to: AdvanceTarget): AppError {
  return new AppError(status === to ? 'ORDER_ALREADY_THERE' : 'ORDER_WRONG_STEP', `order is ${status}, cannot become ${to}`);
}
