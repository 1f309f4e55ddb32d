// Sales and stock changes that happen off the show's sockets -- a QR payment confirmed by the job
// queue, a 3-D Secure order finished by Stripe's webhook or the buyer's page, a reservation given
// back by an expiry, a decline or the sweeper -- are written here as rows, and every node's realtime
// server reads them back (server/realtime/sale-relay.ts) and announces them exactly as a one-tap
// purchase is announced: the same "just bought" feed, stock and deal figures and host's sale. A row,
// rather than an in-process signal, because the job runner, the webhook route and server actions
// cannot reach the sockets, and on several nodes the viewers may sit on another node.
import type { Db } from '../context';
import { publicBuyerName } from '../context';

/** How far back the relay reads; far longer than any poll gap, short enough to stay a small read. */
export const ANNOUNCEMENT_WINDOW_SECONDS = 120;
// Rows older than this are of no use to anyone; the relay deletes them now and then.
const KEEP_SECONDS = 3600;

export interface ShowAnnouncementRow {
  id: string;
  kind: 'SALE' | 'STOCK';
  orderId: string | null;
  variantIds: string[];
}

/** A paid order whose sale no socket has announced. Never throws: an announcement is not worth a failed payment. */
export async function announceSale(db: Db, orderId: string): Promise<void> {
  await db.showAnnouncement
    .createMany({ data: [{ kind: 'SALE', orderId, key: `sale:${orderId}` }], skipDuplicates: true })
    .catch((error: unknown) => {
      console.error('sale not queued for announcement', { orderId, error });
    });
}

/** Variants whose stock changed off the sockets (units taken or given back). Never throws. */
export async function announceStock(db: Db, variantIds: readonly string[]): Promise<void> {
  if (variantIds.length === 0) return;
  await db.showAnnouncement.create({ data: { kind: 'STOCK', variantIds: [...new Set(variantIds)] } }).catch((error: unknown) => {
    console.error('stock change not queued for announcement', { variantIds, error });
  });
}

/** The rows of the window, oldest first (each node keeps the ids it has handled). */
export async function readShowAnnouncements(db: Db, windowSeconds = ANNOUNCEMENT_WINDOW_SECONDS): Promise<ShowAnnouncementRow[]> {
  const rows = await db.showAnnouncement.findMany({
    where: { createdAt: { gte: new Date(Date.now() - windowSeconds * 1000) } },
    orderBy: { id: 'asc' },
    select: { id: true, kind: true, orderId: true, variantIds: true },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    kind: r.kind === 'SALE' ? 'SALE' : 'STOCK',
    orderId: r.orderId,
    variantIds: r.variantIds,
  }));
}

export async function pruneShowAnnouncements(db: Db): Promise<void> {
  await db.showAnnouncement.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_SECONDS * 1000) } } });
}

export interface SaleLineFacts {
  productId: string;
  variantId: string;
  productTitle: string;
  variantName: string;
  quantity: number;
  /** The variant's stock now (a later purchase has already lowered it further than this sale did). */
  stock: number;
  deal: { id: string; soldCount: number } | null;
}

/** What a relayed sale tells the show: the same facts the one-tap and bag paths announce. */
export interface SaleFacts {
  showId: string;
  orderNumber: number;
  totalMinor: number;
  currency: string;
  buyerName: string;
  lines: SaleLineFacts[];
}

/** The sale of a PAID show order, or null (no show, not paid, gone). */
export async function saleFacts(db: Db, orderId: string): Promise<SaleFacts | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      showId: true,
      number: true,
      totalMinor: true,
      currency: true,
      buyer: { select: { name: true } },
      items: {
        orderBy: { id: 'asc' },
        select: {
          quantity: true,
          dealId: true,
          deal: { select: { soldCount: true } },
          variant: { select: { id: true, name: true, stock: true, product: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  if (!order?.showId || order.status !== 'PAID') return null;
  return {
    showId: order.showId,
    orderNumber: order.number,
    totalMinor: order.totalMinor,
    currency: order.currency.trim(),
    buyerName: publicBuyerName(order.buyer.name),
    lines: order.items.map((i) => ({
      productId: i.variant.product.id,
      variantId: i.variant.id,
      productTitle: i.variant.product.title,
      variantName: i.variant.name,
      quantity: i.quantity,
      stock: i.variant.stock,
      deal: i.dealId && i.deal ? { id: i.dealId, soldCount: i.deal.soldCount } : null,
    })),
  };
}
