import { AppError } from './errors';
import type { Db } from './context';
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

/** Sets a variant's stock (a restock or a count correction, not a sale). */
export async function setVariantStock(db: Pick<Db, 'productVariant'>, variantId: string, stock: number): Promise<void> {
  if (!Number.isInteger(stock) || stock < 0) throw new AppError('INVALID_INPUT', `stock ${stock}`, 'Stock must be a whole number, zero or more.');
  await db.productVariant.update({ where: { id: variantId }, data: { stock } });
  stockGate.forget(variantId);
}
