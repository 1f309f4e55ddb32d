import { z } from 'zod';
import type { Prisma } from '../db/client';
import { patchProduct, setVariantStock } from '../domain/catalog';
import { MAX_STOCK, productStatusSchema, updateProductSchema } from '../domain/catalog';
import type { Db } from '../domain/context';
import { AppError } from '../domain/errors';
import { stockGate } from '../domain/catalog';
import { pageArgs, pageSchema, paginationQueryShape, toPage } from './common';

// Products and stock as the public API shows them. Every query filters by the
// key's brand, so another brand's id is NOT_FOUND exactly like an unknown one.

const isoDateTime = z.iso.datetime();

export const apiVariantSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  options: z.record(z.string(), z.string()),
  priceMinor: z.number().int().describe('Price in minor units of currency (cents).'),
  currency: z.string().length(3),
  stock: z.number().int().min(0),
});

export const apiProductSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: productStatusSchema,
  imageUrl: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  variants: z.array(apiVariantSchema),
});
export type ApiProduct = z.infer<typeof apiProductSchema>;

export const productListQuerySchema = z.object({
  status: productStatusSchema.optional().describe('Only products with this status.'),
  ...paginationQueryShape,
});
export const productPageSchema = pageSchema(apiProductSchema);

export const productUpdateBodySchema = z
  .strictObject({
    title: updateProductSchema.shape.title,
    description: updateProductSchema.shape.description,
    status: updateProductSchema.shape.status,
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Send at least one of title, description, status.');

export const stockUpdateBodySchema = z.strictObject({
  stock: z.number().int().min(0).max(MAX_STOCK).describe('The new absolute stock, not a change.'),
});
export const apiVariantStockSchema = apiVariantSchema.extend({ productId: z.string() });

const productSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  imageUrl: true,
  createdAt: true,
  updatedAt: true,
  variants: {
    select: { id: true, sku: true, name: true, options: true, priceMinor: true, currency: true, stock: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
} as const satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

function variantOptions(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function toApiProduct(row: ProductRow): ApiProduct {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    variants: row.variants.map((v) => ({ ...v, options: variantOptions(v.options) })),
  };
}

const productNotFound = (id: string) => new AppError('PRODUCT_NOT_FOUND', `product ${id} not in this brand`);

export async function listApiProducts(db: Db, brandId: string, query: z.infer<typeof productListQuerySchema>) {
  const rows = await db.product.findMany({
    where: { brandId, ...(query.status && { status: query.status }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: productSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query.limit, toApiProduct);
}

export async function getApiProduct(db: Db, brandId: string, productId: string): Promise<ApiProduct> {
  const row = await db.product.findFirst({ where: { id: productId, brandId }, select: productSelect });
  if (!row) throw productNotFound(productId);
  return toApiProduct(row);
}

export async function updateApiProduct(
  db: Db,
  brandId: string,
  productId: string,
  body: z.infer<typeof productUpdateBodySchema>,
): Promise<ApiProduct> {
  if (!(await patchProduct(db, brandId, productId, body))) throw productNotFound(productId);
  return toApiProduct(await db.product.findUniqueOrThrow({ where: { id: productId }, select: productSelect }));
}

/** Sets a variant's absolute stock (a count from a warehouse system, not a sale) and announces it. */
export async function setApiVariantStock(
  db: Db,
  brandId: string,
  variantId: string,
  stock: number,
): Promise<z.infer<typeof apiVariantStockSchema>> {
  const variant = await db.$transaction(async (tx) => {
    const owned = await tx.productVariant.findFirst({ where: { id: variantId, product: { brandId } }, select: { id: true } });
    if (!owned) throw new AppError('VARIANT_NOT_FOUND', `variant ${variantId} not in this brand`);
    // Records stock.changed in this transaction.
    await setVariantStock(tx, variantId, stock);
    return tx.productVariant.findUniqueOrThrow({
      where: { id: variantId },
      select: { id: true, productId: true, sku: true, name: true, options: true, priceMinor: true, currency: true, stock: true },
    });
  });
  // setVariantStock already told the gate, but inside the transaction: a tap in
  // between could have refreshed the gate with the old figure, so tell it again now the new one is committed.
  stockGate.forget(variantId);
  return { ...variant, options: variantOptions(variant.options) };
}
