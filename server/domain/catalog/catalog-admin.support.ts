import type { z } from 'zod';
import { setVariantStock, type CatalogWriteDb } from './catalog';
import type { VariantOptions } from './catalog-format';
import { AppError, invalidField } from '../errors';

// Helpers shared by the product editor and the CSV import.

/** What both a client and a transaction offer; reads and writes that run either way take this. */
export type CatalogDb = CatalogWriteDb;

/**
 * Stock of an existing variant goes through setVariantStock, which records
 * `stock.changed` and clears the per-node stock gate. The gate is cleared just before commit; the gate's
 * freshness window covers that gap.
 */
export async function setStockInTransaction(tx: CatalogDb, variantId: string, stock: number): Promise<void> {
  await setVariantStock(tx, variantId, stock);
}

export function storedOptions(value: unknown): VariantOptions {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Refuses SKUs other products already use; SKUs are unique across all brands.
 * `ownProductId`'s variants are left out, so a product may keep its SKUs.
 */
export async function refuseTakenSkus(db: CatalogDb, brandId: string, skus: string[], ownProductId: string | null): Promise<void> {
  const rows = await db.productVariant.findMany({
    where: { sku: { in: skus }, ...(ownProductId ? { productId: { not: ownProductId } } : {}) },
    select: { sku: true, product: { select: { brandId: true, title: true } } },
  });
  // Name the first clash in the order the person wrote them.
  const taken = skus.map((sku) => rows.find((row) => row.sku === sku)).find((row) => row !== undefined);
  if (!taken) return;
  // Another brand's product titles are not ours to show.
  if (taken.product.brandId !== brandId) throw new AppError('SKU_TAKEN', { sku: taken.sku }, `sku ${taken.sku} taken`);
  throw new AppError('SKU_TAKEN_BY', { sku: taken.sku, product: taken.product.title }, `sku ${taken.sku} taken`);
}

/** A unique-constraint race lost after the check above, reported the same way. */
export function takeSkuConflict(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'P2002') return new AppError('SKU_TAKEN_RACE', `unique violation: ${String(error)}`);
  return error;
}

/** Parses domain input; a failure is INVALID_INPUT carrying the first problem in plain words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw invalidField(parsed.error.issues);
  }
  return parsed.data;
}
