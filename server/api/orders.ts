import { z } from 'zod';
import type { Prisma } from '../db/client';
import type { Db } from '../domain/context';
import { AppError } from '../domain/errors';
import { refundState } from '../domain/orders';
import { advanceOrderByKey } from '../domain/orders';
import { shippingAddressSelect, withShippingAddress } from '../domain/orders';
import { pageArgs, pageSchema, paginationQueryShape, toPage } from './common';

// The brand's orders as the public API shows them, filtered by the key's brand.
// The shipping address is included (fulfilment needs it); the buyer's email and
// payment details are not.

const isoDateTime = z.iso.datetime();
export const ORDER_STATUSES = ['PLACED', 'PAID', 'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'] as const;
const minor = z.number().int().describe('Minor units of the order currency (cents).');

export const apiOrderSchema = z.object({
  id: z.string(),
  number: z.number().int().describe('The order number people see.'),
  status: z.enum(ORDER_STATUSES),
  currency: z.string().length(3),
  subtotalMinor: minor,
  shippingMinor: minor,
  discountMinor: minor,
  totalMinor: minor.describe('subtotalMinor + shippingMinor − discountMinor.'),
  refundedMinor: minor,
  refundStatus: z
    .enum(['NONE', 'PARTIAL', 'FULL'])
    .describe(
      'How much of totalMinor was paid back; PARTIAL is what the dashboard shows as "Partially refunded" (status stays where fulfilment is).',
    ),
  source: z.string().describe('ONE_TAP from the live player, BAG from a bag checkout.'),
  showId: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      variantId: z.string(),
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      unitPriceMinor: minor,
    }),
  ),
  shippingAddress: z
    .object({
      fullName: z.string(),
      line1: z.string(),
      line2: z.string(),
      city: z.string(),
      region: z.string(),
      postalCode: z.string(),
      country: z.string().length(2),
      phone: z.string(),
    })
    .nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
  packedAt: isoDateTime.nullable(),
  shippedAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  refundedAt: isoDateTime.nullable(),
});
export type ApiOrder = z.infer<typeof apiOrderSchema>;

export const orderListQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional().describe('Only orders with this status.'),
  since: z.iso.datetime({ offset: true }).optional().describe('Only orders placed at or after this time (ISO 8601).'),
  ...paginationQueryShape,
});
export const orderPageSchema = pageSchema(apiOrderSchema);

const orderSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  discountMinor: true,
  totalMinor: true,
  refundedMinor: true,
  source: true,
  showId: true,
  carrier: true,
  trackingNumber: true,
  createdAt: true,
  updatedAt: true,
  paidAt: true,
  packedAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  refundedAt: true,
  items: {
    select: { id: true, variantId: true, title: true, quantity: true, unitPriceMinor: true, variant: { select: { sku: true } } },
    orderBy: { id: 'asc' },
  },
  ...shippingAddressSelect,
} as const satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toApiOrder(order: OrderRow): ApiOrder {
  const { items, address, ...row } = withShippingAddress(order);
  return {
    ...row,
    refundStatus: refundState(row),
    items: items.map(({ variant, ...item }) => ({ ...item, sku: variant.sku })),
    shippingAddress: address,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    paidAt: iso(row.paidAt),
    packedAt: iso(row.packedAt),
    shippedAt: iso(row.shippedAt),
    deliveredAt: iso(row.deliveredAt),
    cancelledAt: iso(row.cancelledAt),
    refundedAt: iso(row.refundedAt),
  };
}

export async function listApiOrders(db: Db, brandId: string, query: z.infer<typeof orderListQuerySchema>) {
  const rows = await db.order.findMany({
    where: { brandId, ...(query.status && { status: query.status }), ...(query.since && { createdAt: { gte: new Date(query.since) } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: orderSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query.limit, toApiOrder);
}

export async function getApiOrder(db: Db, brandId: string, orderId: string): Promise<ApiOrder> {
  const row = await db.order.findFirst({ where: { id: orderId, brandId }, select: orderSelect });
  if (!row) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} not in this brand`);
  return toApiOrder(row);
}

/** One fulfilment step; SHIPPED needs the carrier and tracking number the buyer's email and page show. */
export const fulfilmentBodySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('PACKED') }),
  z.object({
    status: z.literal('SHIPPED'),
    carrier: z.string().trim().min(1).max(60).describe('Who carries the parcel, e.g. DHL.'),
    trackingNumber: z.string().trim().min(1).max(80).describe('The carrier’s tracking number; the buyer is emailed it.'),
  }),
  z.object({ status: z.literal('DELIVERED') }),
]);
export type FulfilmentBody = z.infer<typeof fulfilmentBodySchema>;

/**
 * Moves the brand's order one step (PAID → PACKED → SHIPPED → DELIVERED) and
 * answers the order as it is now. A step out of order is 409 INVALID_STATE;
 * another brand's order is 404 like an unknown id.
 */
export async function fulfilApiOrder(db: Db, brandId: string, publicUrl: string, orderId: string, body: FulfilmentBody): Promise<ApiOrder> {
  const shipment = body.status === 'SHIPPED' ? { carrier: body.carrier, trackingNumber: body.trackingNumber } : null;
  await advanceOrderByKey(db, brandId, orderId, body.status, shipment, publicUrl);
  return getApiOrder(db, brandId, orderId);
}
