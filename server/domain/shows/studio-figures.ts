// What the host's studio shows about a show's sales, read from the orders
// themselves: a reload, a second device or the end of the show all see the
// same totals, however many orders there were.
import { publicBuyerName, type Actor, type Db } from '../context';
import { AppError } from '../errors';

/** Paid and not undone, as the commission statement counts them. PLACED is still being paid. */
const COUNTED_STATUSES = ['PAID', 'PACKED', 'SHIPPED', 'DELIVERED'] as const;
const TOP_PRODUCTS = 3;
const RECENT_SALES = 20;

export interface StudioSale {
  orderNumber: number;
  totalMinor: number;
  currency: string;
  productTitle: string;
  variantName: string;
  quantity: number;
  buyerName: string;
}

export interface StudioFigures {
  orders: number;
  /** Net of refunds, one total per currency (a show normally has one). */
  revenue: { currency: string; totalMinor: number }[];
  /** Most units first; ties by title so the order is stable. */
  topProducts: { productId: string; title: string; units: number }[];
  /** The latest orders, newest first, described by their first line. */
  recentSales: StudioSale[];
  /** Recorded when the show ends; null before that or when nobody was counted. */
  audience: { peak: number; unique: number } | null;
}

async function requireHost(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true, peakViewers: true, uniqueViewers: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId) throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  return show;
}

/** The show's sales so far; only its host may read them. */
export async function getStudioFigures(db: Db, actor: Actor, showId: string): Promise<StudioFigures> {
  const show = await requireHost(db, actor, showId);
  const statuses = [...COUNTED_STATUSES];
  const where = { showId, status: { in: statuses } };
  const [revenue, units, recent] = await Promise.all([
    db.order.groupBy({
      by: ['currency'],
      where,
      _sum: { totalMinor: true, refundedMinor: true },
      _count: { _all: true },
      orderBy: { currency: 'asc' },
    }),
    db.$queryRaw<{ productId: string; title: string; units: number }[]>`
      SELECT p."id" AS "productId", p."title", SUM(i."quantity")::int AS "units"
        FROM "OrderItem" i
        JOIN "Order" o ON o."id" = i."orderId"
        JOIN "ProductVariant" v ON v."id" = i."variantId"
        JOIN "Product" p ON p."id" = v."productId"
       WHERE o."showId" = ${showId} AND o."status"::text IN (${statuses[0]}, ${statuses[1]}, ${statuses[2]}, ${statuses[3]})
       GROUP BY p."id"
       ORDER BY "units" DESC, p."title" ASC
       LIMIT ${TOP_PRODUCTS}`,
    db.order.findMany({
      where,
      orderBy: { number: 'desc' },
      take: RECENT_SALES,
      select: {
        number: true,
        totalMinor: true,
        currency: true,
        buyer: { select: { name: true } },
        items: {
          take: 1,
          orderBy: { id: 'asc' },
          select: { quantity: true, variant: { select: { name: true, product: { select: { title: true } } } } },
        },
      },
    }),
  ]);
  return {
    orders: revenue.reduce((sum, r) => sum + r._count._all, 0),
    revenue: revenue.map((r) => ({ currency: r.currency, totalMinor: (r._sum.totalMinor ?? 0) - (r._sum.refundedMinor ?? 0) })),
    topProducts: units,
    recentSales: recent.map((o) => ({
      orderNumber: o.number,
      totalMinor: o.totalMinor,
      currency: o.currency,
      productTitle: o.items[0]?.variant.product.title ?? '',
      variantName: o.items[0]?.variant.name ?? '',
      quantity: o.items[0]?.quantity ?? 0,
      // The buyer's public first name only, as the live feed shows it.
      buyerName: publicBuyerName(o.buyer.name),
    })),
    audience: show.uniqueViewers > 0 ? { peak: show.peakViewers, unique: show.uniqueViewers } : null,
  };
}

/**
 * Where the end-of-show summary points: the host's commission statement always,
 * the brand's orders of this show only when the host is on the brand's team
 * (anyone else would get the brand's "not found").
 */
export async function studioSummaryLinks(db: Db, actor: Actor, showId: string): Promise<{ brandOrders: string | null; statement: string }> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { brand: { select: { slug: true, members: { where: { userId: actor.userId }, select: { role: true } } } } },
  });
  const brand = show?.brand;
  const brandOrders =
    brand && brand.members.length > 0
      ? `/dashboard/brands/${encodeURIComponent(brand.slug)}/orders?show=${encodeURIComponent(showId)}`
      : null;
  return { brandOrders, statement: '/dashboard/host/statement' };
}
