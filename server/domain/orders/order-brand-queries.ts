// The brand's order management reads: a filtered, paged table and one order.
// Every function passes requireBrandMember first, and every query is scoped
// by the brand it returns, so brand A never reads brand B's orders.
import { z } from 'zod';
import type { OrderStatus, Prisma } from '../../db/client';
import { requireBrandMember, type BrandAccess } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { ORDER_STATUS_VALUES } from './order-status';
import { withShippingAddress } from './order-address';
import { orderDetailSelect, orderRefWhere, type OrderDetail, type OrderSummary, summarySelect, toSummary } from './order-queries';
import { zonedLocalToUtc } from '../zoned-time';

/** Filters as they come from the page's query string; anything malformed is ignored rather than refused. */
export const brandOrderFiltersSchema = z.object({
  status: z.enum(ORDER_STATUS_VALUES).optional().catch(undefined),
  show: z.string().trim().min(1).max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type BrandOrderFilters = z.infer<typeof brandOrderFiltersSchema>;

export const BRAND_ORDERS_PAGE = 25;

export interface BrandOrderRow extends OrderSummary {
  buyerName: string;
  buyerEmail: string;
  showTitle: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** The buyer asked to return it (issue 19 item 5); refunding stays the brand's decision. */
  returnRequested: boolean;
}

/** Midnight of a calendar day on the brand's clock (01:00 where midnight is skipped). */
function startOfDay(date: string, timeZone: string): Date {
  const midnight = zonedLocalToUtc(`${date}T00:00`, timeZone);
  if (midnight.ok) return midnight.instant;
  const one = zonedLocalToUtc(`${date}T01:00`, timeZone);
  return one.ok ? one.instant : new Date(`${date}T00:00:00Z`);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The where clause for a brand's filters; shared by the table and the CSV export so both list the same orders. */
export function brandOrderWhere(
  brand: Pick<BrandAccess, 'brandId' | 'timeZone'>,
  filters: Omit<BrandOrderFilters, 'page'>,
): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [{ brandId: brand.brandId }];
  if (filters.status) and.push({ status: filters.status });
  if (filters.show) and.push({ showId: filters.show });
  if (filters.from) and.push({ createdAt: { gte: startOfDay(filters.from, brand.timeZone) } });
  // "To" is inclusive: the whole of that day on the brand's clock.
  if (filters.to) and.push({ createdAt: { lt: startOfDay(nextDay(filters.to), brand.timeZone) } });
  if (filters.q) {
    const q = filters.q.replace(/^#/, '');
    const byBuyer: Prisma.OrderWhereInput[] = [
      { buyer: { name: { contains: q, mode: 'insensitive' } } },
      { buyer: { email: { contains: q, mode: 'insensitive' } } },
    ];
    and.push({ OR: /^\d{1,9}$/.test(q) ? [{ number: Number(q) }, ...byBuyer] : byBuyer });
  }
  return { AND: and };
}

const rowSelect = {
  ...summarySelect,
  carrier: true,
  trackingNumber: true,
  buyer: { select: { name: true, email: true } },
  show: { select: { title: true } },
  returnRequest: { select: { id: true } },
} as const satisfies Prisma.OrderSelect;

export async function listBrandOrders(
  db: Db,
  actor: Actor,
  slug: string,
  rawFilters: unknown,
): Promise<{ brand: BrandAccess; orders: BrandOrderRow[]; total: number; page: number; pageCount: number; filters: BrandOrderFilters }> {
  const brand = await requireBrandMember(db, actor, { slug });
  const filters = brandOrderFiltersSchema.parse(rawFilters ?? {});
  const where = brandOrderWhere(brand, filters);
  const [total, rows] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * BRAND_ORDERS_PAGE,
      take: BRAND_ORDERS_PAGE,
      select: rowSelect,
    }),
  ]);
  const orders = rows.map((row) => ({
    ...toSummary(row),
    buyerName: row.buyer.name,
    buyerEmail: row.buyer.email,
    showTitle: row.show?.title ?? null,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    returnRequested: row.returnRequest !== null,
  }));
  return { brand, orders, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / BRAND_ORDERS_PAGE)), filters };
}

/** The brand's shows, newest first, for the table's show filter. */
export async function listBrandOrderShows(db: Db, actor: Actor, slug: string): Promise<{ id: string; title: string }[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  return db.show.findMany({
    where: { brandId: brand.brandId },
    orderBy: { scheduledStart: 'desc' },
    take: 200,
    select: { id: true, title: true },
  });
}

export interface BrandOrderDetail extends OrderDetail {
  buyer: { name: string; email: string };
  returnRequest: { reason: string; createdAt: Date } | null;
  paymentMethod: { brand: string; last4: string } | null;
}

export async function getBrandOrder(db: Db, actor: Actor, slug: string, orderId: string): Promise<BrandOrderDetail> {
  const brand = await requireBrandMember(db, actor, { slug });
  const order = await db.order.findFirst({
    where: { ...orderRefWhere(orderId), brandId: brand.brandId },
    select: {
      ...orderDetailSelect,
      buyer: { select: { name: true, email: true } },
      paymentMethod: { select: { brand: true, last4: true } },
      returnRequest: { select: { reason: true, createdAt: true } },
    },
  });
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} not in brand ${brand.brandId}`);
  return withShippingAddress(order);
}

export type { OrderStatus };
