import { recordBrandEvent, type EventDb } from '../events';
import { AppError } from '../errors';
import type { Db } from '../context';
import { stockGate } from './stock-gate';

export interface VariantCard {
  id: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface ProductCard {
  id: string;
  title: string;
  description: string;
  imageUrl: string | null;
  /** Only ACTIVE products can be pinned or bought; a draft in a lineup shows as "not on sale". */
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  variants: VariantCard[];
}

export const productCardSelect = {
  id: true,
  title: true,
  description: true,
  imageUrl: true,
  status: true,
  variants: {
    select: { id: true, name: true, priceMinor: true, currency: true, stock: true },
    orderBy: { priceMinor: 'asc' },
  },
} as const;

export async function getProductCard(db: Db, productId: string): Promise<ProductCard | null> {
  return db.product.findUnique({ where: { id: productId }, select: productCardSelect });
}

/** What stock and product writes need: the rows they change and the outbox their events go to. */
export type CatalogWriteDb = Pick<Db, 'product' | 'productVariant'> & EventDb;

/**
 * Sets a variant's stock (a restock or a count correction, not a sale) and
 * records `stock.changed` with it: pass a transaction client and the event
 * commits with the new figure. Every restock path (the dashboard's editor, the
 * CSV import, the API) comes through here, so none of them can forget to
 * announce it; viewers' cards follow from the recorded event (server/realtime/stock-relay.ts).
 */
export async function setVariantStock(db: CatalogWriteDb, variantId: string, stock: number): Promise<void> {
  if (!Number.isInteger(stock) || stock < 0) throw new AppError('STOCK_INVALID', `stock ${stock}`);
  const before = await db.productVariant.findUnique({
    where: { id: variantId },
    select: { stock: true, productId: true, sku: true, product: { select: { brandId: true } } },
  });
  if (!before) throw new AppError('VARIANT_NOT_FOUND', `variant ${variantId} not found`);
  // What the row holds afterwards can be less than what was set: a raise first holds units for the
  // variant's waitlist (the trigger waitlist_offer_restock), and those are no one else's to buy.
  const after = await db.productVariant.update({ where: { id: variantId }, data: { stock }, select: { stock: true } });
  stockGate.forget(variantId);
  await recordBrandEvent(db, before.product.brandId, 'stock.changed', {
    variantId,
    productId: before.productId,
    sku: before.sku,
    stock: after.stock,
    previousStock: before.stock,
  });
}

/** Records `product.updated` for a change the caller has just written (in the same transaction). */
export async function recordProductUpdated(
  db: EventDb,
  brandId: string,
  productId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await recordBrandEvent(db, brandId, 'product.updated', { productId, changes });
}

export interface ProductFieldChanges {
  title?: string;
  description?: string;
  status?: ProductCard['status'];
}

/** Changes a product's own fields (not its variants) and records `product.updated`; false when the brand has no such product. */
export async function patchProduct(db: Db, brandId: string, productId: string, changes: ProductFieldChanges): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: productId, brandId }, data: { ...changes, updatedAt: new Date() } });
    if (count === 0) return false;
    await recordProductUpdated(tx, brandId, productId, { ...changes });
    return true;
  });
}
