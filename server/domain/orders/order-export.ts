// The brand's orders as a CSV file, with the same filters as the orders table,
// so "export" downloads exactly what the brand is looking at (all pages).
import type { Prisma } from '../../db/client';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { writeCsv } from '../csv';
import { AppError } from '../errors';
import { shippingAddressOf, shippingAddressSelect } from './order-address';
import { brandOrderFiltersSchema, brandOrderWhere } from './order-brand-queries';
import { refundState } from './order-display';

// Times are UTC ISO 8601, as the column name says: a spreadsheet has no viewer's zone.
// `refund_status` (none, partial, full) is the refund side of the status people see (order-display.ts).
export const ORDER_CSV_HEADER = [
  'order_number',
  'placed_at_utc',
  'status',
  'refund_status',
  'buyer_name',
  'buyer_email',
  'show',
  'items',
  'currency',
  'subtotal',
  'shipping',
  'discount',
  'total',
  'refunded',
  'coupon',
  'carrier',
  'tracking_number',
  'ship_to_name',
  'ship_to_line1',
  'ship_to_line2',
  'ship_to_city',
  'ship_to_region',
  'ship_to_postal_code',
  'ship_to_country',
  'ship_to_phone',
] as const;

/** A generous ceiling: one request builds the whole file in memory. */
export const MAX_EXPORT_ORDERS = 20_000;
const BATCH = 1000;

const exportSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  createdAt: true,
  subtotalMinor: true,
  shippingMinor: true,
  discountMinor: true,
  totalMinor: true,
  refundedMinor: true,
  carrier: true,
  trackingNumber: true,
  buyer: { select: { name: true, email: true } },
  show: { select: { title: true } },
  coupon: { select: { code: true } },
  items: { select: { title: true, quantity: true }, orderBy: { id: 'asc' } },
  ...shippingAddressSelect,
} as const satisfies Prisma.OrderSelect;

/** Minor units as a plain decimal in the currency's own digits ("12.50", "4000"), which spreadsheets sum. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

export async function exportBrandOrdersCsv(db: Db, actor: Actor, slug: string, rawFilters: unknown): Promise<string> {
  const brand = await requireBrandMember(db, actor, { slug });
  // Every page of the table: the page number is ignored.
  const where = brandOrderWhere(brand, brandOrderFiltersSchema.parse(rawFilters ?? {}));
  const count = await db.order.count({ where });
  if (count > MAX_EXPORT_ORDERS) throw new AppError('EXPORT_TOO_MANY', { count, max: MAX_EXPORT_ORDERS }, `${count} orders to export`);
  const rows: string[][] = [[...ORDER_CSV_HEADER]];
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.order.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: exportSelect,
    });
    for (const o of batch) {
      const a = shippingAddressOf(o);
      const money = (minor: number) => decimalAmount(minor, o.currency);
      rows.push([
        String(o.number),
        o.createdAt.toISOString(),
        o.status,
        refundState(o).toLowerCase(),
        o.buyer.name,
        o.buyer.email,
        o.show?.title ?? '',
        o.items.map((i) => `${i.quantity} x ${i.title}`).join('; '),
        o.currency,
        money(o.subtotalMinor),
        money(o.shippingMinor),
        money(o.discountMinor),
        money(o.totalMinor),
        money(o.refundedMinor),
        o.coupon?.code ?? '',
        o.carrier ?? '',
        o.trackingNumber ?? '',
        a?.fullName ?? '',
        a?.line1 ?? '',
        a?.line2 ?? '',
        a?.city ?? '',
        a?.region ?? '',
        a?.postalCode ?? '',
        a?.country ?? '',
        a?.phone ?? '',
      ]);
    }
    if (batch.length < BATCH) break;
    cursor = batch.at(-1)!.id;
  }
  return writeCsv(rows);
}
