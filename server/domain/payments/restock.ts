import type { Prisma } from '../../db/client';

export interface ReturnedStock {
  variantId: string;
  productId: string;
  sku: string;
  returned: number;
  stock: number;
}

/**
 * Puts an order's items back on the shelf inside the caller's transaction. A
 * relative UPDATE (stock + q), not a read-then-write, so concurrent sales of the
 * same variant are not overwritten. The caller forgets the variants in the stock
 * gate after commit.
 */
export async function returnStock(
  tx: Prisma.TransactionClient,
  items: { variantId: string; quantity: number }[],
): Promise<ReturnedStock[]> {
  const byVariant = new Map<string, number>();
  for (const item of items) byVariant.set(item.variantId, (byVariant.get(item.variantId) ?? 0) + item.quantity);
  const returned: ReturnedStock[] = [];
  for (const [variantId, quantity] of byVariant) {
    const [row] = await tx.$queryRaw<{ productId: string; sku: string; stock: number }[]>`
      UPDATE "ProductVariant" SET "stock" = "stock" + ${quantity}::int WHERE "id" = ${variantId} RETURNING "productId", "sku", "stock"`;
    if (row) returned.push({ variantId, productId: row.productId, sku: row.sku, returned: quantity, stock: row.stock });
  }
  return returned;
}
