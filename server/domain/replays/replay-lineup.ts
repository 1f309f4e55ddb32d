import { productCardSelect, type ProductCard } from '../catalog';
import type { Db } from '../context';

export type { ProductCard } from '../catalog';

/**
 * A replay's lineup as it sells now: today's regular prices and stock (a flash deal of the show is
 * over, so none is attached); a product no longer on sale shows as such, as in a live show.
 */
export async function catalogProductCards(db: Db, showId: string): Promise<ProductCard[]> {
  const rows = await db.showProduct.findMany({
    where: { showId },
    select: { product: { select: productCardSelect } },
    orderBy: { position: 'asc' },
  });
  return rows.map((r) => r.product);
}
