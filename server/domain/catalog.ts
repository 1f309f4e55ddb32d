import type { Db } from './context';

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
  variants: VariantCard[];
}

export const productCardSelect = {
  id: true,
  title: true,
  description: true,
  imageUrl: true,
  variants: {
    select: { id: true, name: true, priceMinor: true, currency: true, stock: true },
    orderBy: { priceMinor: 'asc' },
  },
} as const;

export async function getProductCard(db: Db, productId: string): Promise<ProductCard | null> {
  return db.product.findUnique({ where: { id: productId }, select: productCardSelect });
}
