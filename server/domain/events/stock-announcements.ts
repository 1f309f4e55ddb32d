// What the viewers of live shows should be told after stock was set outside a
// purchase (a restock from the dashboard, the CSV import, the API, a refund that
// returns units). The source of truth is the outbox: the `stock.changed` rows
// that commit with each change (server/domain/events/brand-events.ts). Reading them
// back, rather than listening to an in-process signal, makes every node see
// every change whichever node (or Next.js server action) made it, and never
// announces a change that rolled back.
import type { Db } from '../context';

/**
 * How far back, behind the newest `stock.changed` row, the outbox is read. An
 * event is stamped when its row is written but becomes visible at commit; the
 * CSV import's transaction may run 120 s, so a shorter window could lose the
 * first rows of a long import before they commit.
 */
export const STOCK_OUTBOX_WINDOW_SECONDS = 130;

export interface RecentStockEvent {
  id: string;
  variantId: string;
}

/**
 * The `stock.changed` events in the window. The window is measured from the
 * newest such row, not from this node's clock, so a node whose clock drifts
 * still reads the same rows.
 */
export async function readRecentStockEvents(db: Db, windowSeconds = STOCK_OUTBOX_WINDOW_SECONDS): Promise<RecentStockEvent[]> {
  const rows = await db.$queryRaw<{ id: string; variantId: string | null }[]>`
    SELECT "id", "data"->>'variantId' AS "variantId"
    FROM "BrandEvent"
    WHERE "type" = 'stock.changed'
      AND "createdAt" >= (SELECT max("createdAt") FROM "BrandEvent" WHERE "type" = 'stock.changed') - make_interval(secs => ${windowSeconds}::double precision)
    ORDER BY "createdAt", "id"`;
  return rows.filter((r): r is RecentStockEvent => r.variantId !== null);
}

export interface StockCardUpdate {
  showId: string;
  productId: string;
  variantId: string;
  stock: number;
}

/**
 * One update per live show whose lineup (or pin) holds the variant's product,
 * with the stock as it is now rather than as the event recorded it: a purchase
 * after the restock has already lowered it, and the card must not go back up.
 */
export async function stockCardUpdates(db: Db, variantIds: readonly string[]): Promise<StockCardUpdate[]> {
  if (variantIds.length === 0) return [];
  const variants = await db.productVariant.findMany({
    where: { id: { in: [...new Set(variantIds)] } },
    select: { id: true, productId: true, stock: true },
  });
  const productIds = [...new Set(variants.map((v) => v.productId))];
  if (productIds.length === 0) return [];
  const shows = await db.show.findMany({
    where: { status: 'LIVE', OR: [{ lineup: { some: { productId: { in: productIds } } } }, { pinnedProductId: { in: productIds } }] },
    select: { id: true, pinnedProductId: true, lineup: { where: { productId: { in: productIds } }, select: { productId: true } } },
  });
  const updates: StockCardUpdate[] = [];
  for (const show of shows) {
    const featured = new Set([...show.lineup.map((l) => l.productId), ...(show.pinnedProductId ? [show.pinnedProductId] : [])]);
    for (const v of variants)
      if (featured.has(v.productId)) updates.push({ showId: show.id, productId: v.productId, variantId: v.id, stock: v.stock });
  }
  return updates;
}
