// Reading orders, for the buyer's account pages. Every read is filtered by the
// buyer: someone else's order is NOT_FOUND, never FORBIDDEN, so order numbers
// (which are sequential) reveal nothing about other people.
import type { OrderStatus, Prisma } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { buyerCanCancel } from './order-buyer-cancel';
import type { ItemLine } from './order-display';
import { shippingAddressSelect, withShippingAddress, type ShippingAddress, type ShippingAddressColumns } from './order-address';

export interface OrderSummary {
  id: string;
  number: number;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  createdAt: Date;
  brandName: string;
  refundedMinor: number;
  itemCount: number;
  /** Every line, in order: pages name them with formatItemsSummary (order-display.ts). */
  items: ItemLine[];
}

export const orderDetailSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  source: true,
  subtotalMinor: true,
  shippingMinor: true,
  discountMinor: true,
  totalMinor: true,
  refundedMinor: true,
  carrier: true,
  trackingNumber: true,
  createdAt: true,
  paidAt: true,
  packedAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  refundedAt: true,
  brand: { select: { name: true, slug: true } },
  show: { select: { id: true, title: true } },
  coupon: { select: { code: true } },
  items: {
    select: { id: true, title: true, quantity: true, unitPriceMinor: true, variant: { select: { sku: true } } },
    orderBy: { id: 'asc' },
  },
  ...shippingAddressSelect,
  events: {
    select: { id: true, status: true, note: true, refundMinor: true, reason: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  },
} as const satisfies Prisma.OrderSelect;

export type OrderDetail = Omit<Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>, keyof ShippingAddressColumns> & {
  /** Where it ships: the copy taken when the order was placed. */
  address: ShippingAddress | null;
};

export interface BuyerOrderDetail extends OrderDetail {
  canCancel: boolean;
}

export const summarySelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  totalMinor: true,
  refundedMinor: true,
  createdAt: true,
  brand: { select: { name: true } },
  items: { select: { title: true, quantity: true }, orderBy: { id: 'asc' } },
} as const satisfies Prisma.OrderSelect;

export function toSummary(row: Prisma.OrderGetPayload<{ select: typeof summarySelect }>): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    totalMinor: row.totalMinor,
    refundedMinor: row.refundedMinor,
    createdAt: row.createdAt,
    brandName: row.brand.name,
    itemCount: row.items.reduce((n, i) => n + i.quantity, 0),
    items: row.items.map((i) => ({ title: i.title, quantity: i.quantity })),
  };
}

export const MY_ORDERS_PAGE = 20;

/** The buyer's orders, newest first; `cursor` is the last id of the previous page. */
export async function listMyOrders(
  db: Db,
  actor: Actor,
  opts: { cursor?: string | null; limit?: number } = {},
): Promise<{ orders: OrderSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? MY_ORDERS_PAGE, 1), 100);
  const rows = await db.order.findMany({
    where: { buyerId: actor.userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: summarySelect,
  });
  const page = rows.slice(0, limit);
  return { orders: page.map(toSummary), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

/** An order's number as its brand's people see it ("42"), or its id. Numbers count per brand: pair this with a brand. */
export function orderRefWhere(ref: string): Prisma.OrderWhereInput {
  return /^\d{1,9}$/.test(ref) ? { number: Number(ref) } : { id: ref };
}

/** By id only: a buyer's orders from two brands can both be #1. */
export async function getMyOrder(db: Db, actor: Actor, ref: string): Promise<BuyerOrderDetail> {
  const order = await db.order.findFirst({ where: { id: ref, buyerId: actor.userId }, select: orderDetailSelect });
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${ref} is not ${actor.userId}'s`);
  return { ...withShippingAddress(order), canCancel: buyerCanCancel(order.status) };
}
