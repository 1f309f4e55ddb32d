import type { Prisma } from '../../db/client';
import { requireBrandMember } from '../brands';
import {
  createProductSchema,
  imageUrlSchema,
  productListQuerySchema,
  updateProductSchema,
  type CreateProductInput,
  type ProductListQuery,
  type ProductStatus,
  type UpdateProductInput,
} from './catalog-admin.schema';
import { parseInput, refuseTakenSkus, setStockInTransaction, storedOptions, takeSkuConflict } from './catalog-admin.support';
import { recordProductUpdated } from './catalog';
import type { VariantOptions } from './catalog-format';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

// The brand dashboard's side of the catalog. Every function starts at the brand
// gate and then only ever touches products whose brandId it returned.

export const PRODUCTS_PAGE_SIZE = 20;

export interface ProductListItem {
  id: string;
  title: string;
  imageUrl: string | null;
  status: ProductStatus;
  variantCount: number;
  totalStock: number;
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  currency: string;
}

export interface ProductListPage {
  items: ProductListItem[];
  total: number;
  page: number;
  pageCount: number;
}

export interface AdminVariant {
  id: string;
  name: string;
  sku: string;
  options: VariantOptions;
  priceMinor: number;
  stock: number;
  /** Ordered at least once: it can no longer be removed, only archived with its product. */
  hasOrders: boolean;
  /** Units held for people on its waitlist: set aside by a restock, not in `stock` (server/domain/waitlist). */
  heldForWaitlist: number;
}

export interface AdminProduct {
  id: string;
  title: string;
  description: string;
  status: ProductStatus;
  imageUrl: string | null;
  currency: string;
  /** ISO time of the last change; the editor remounts when it moves. */
  updatedAt: string;
  variants: AdminVariant[];
}

const productNotFound = (productId: string) => new AppError('PRODUCT_NOT_FOUND', `product ${productId} not in this brand`);

export async function listBrandProducts(db: Db, actor: Actor, slug: string, query: ProductListQuery = {}): Promise<ProductListPage> {
  const access = await requireBrandMember(db, actor, { slug });
  const { q, status, page } = productListQuerySchema.parse(query);
  const where: Prisma.ProductWhereInput = {
    brandId: access.brandId,
    ...(status ? { status } : {}),
    ...(q
      ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { variants: { some: { sku: { contains: q, mode: 'insensitive' } } } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * PRODUCTS_PAGE_SIZE,
      take: PRODUCTS_PAGE_SIZE,
      select: { id: true, title: true, imageUrl: true, status: true, variants: { select: { priceMinor: true, stock: true } } },
    }),
  ]);
  const items = rows.map(({ variants, ...product }) => {
    const prices = variants.map((v) => v.priceMinor);
    return {
      ...product,
      variantCount: variants.length,
      totalStock: variants.reduce((sum, v) => sum + v.stock, 0),
      minPriceMinor: prices.length ? Math.min(...prices) : null,
      maxPriceMinor: prices.length ? Math.max(...prices) : null,
      currency: access.currency,
    };
  });
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PRODUCTS_PAGE_SIZE)) };
}

export async function getBrandProduct(db: Db, actor: Actor, slug: string, productId: string): Promise<AdminProduct> {
  const access = await requireBrandMember(db, actor, { slug });
  const row = await db.product.findFirst({
    where: { id: productId, brandId: access.brandId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      imageUrl: true,
      updatedAt: true,
      variants: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          name: true,
          sku: true,
          options: true,
          priceMinor: true,
          stock: true,
          _count: { select: { orderItems: true, waitlist: { where: { status: 'HELD' } } } },
        },
      },
    },
  });
  if (!row) throw productNotFound(productId);
  return {
    ...row,
    updatedAt: row.updatedAt.toISOString(),
    currency: access.currency,
    variants: row.variants.map(({ _count, options, ...v }) => ({
      ...v,
      options: storedOptions(options),
      hasOrders: _count.orderItems > 0,
      // Units a restock set aside for people on the waitlist: not in `stock`, not anyone else's (server/domain/waitlist).
      heldForWaitlist: _count.waitlist,
    })),
  };
}

/** `storedImageUrl`: an image already stored for it (product-image.ts), saved with the product. */
export async function createProduct(
  db: Db,
  actor: Actor,
  slug: string,
  raw: CreateProductInput,
  storedImageUrl: string | null = null,
): Promise<{ id: string }> {
  const access = await requireBrandMember(db, actor, { slug });
  const input = parseInput(createProductSchema, raw);
  const imageUrl = storedImageUrl === null ? null : parseInput(imageUrlSchema, storedImageUrl);
  await refuseTakenSkus(
    db,
    access.brandId,
    input.variants.map((v) => v.sku),
    null,
  );
  try {
    return await db.product.create({
      data: {
        brandId: access.brandId,
        title: input.title,
        description: input.description,
        status: input.status,
        imageUrl,
        // A product's variants always sell in the brand's currency.
        variants: { create: input.variants.map((v) => ({ ...v, currency: access.currency })) },
      },
      select: { id: true },
    });
  } catch (error) {
    throw takeSkuConflict(error);
  }
}

export async function updateProduct(db: Db, actor: Actor, slug: string, productId: string, raw: UpdateProductInput): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug });
  const input = parseInput(updateProductSchema, raw);
  const product = await db.product.findFirst({
    where: { id: productId, brandId: access.brandId },
    select: { id: true, variants: { select: { id: true, name: true, sku: true, stock: true, _count: { select: { orderItems: true } } } } },
  });
  if (!product) throw productNotFound(productId);

  const existing = new Map(product.variants.map((v) => [v.id, v]));
  const kept = new Set<string>();
  for (const variant of input.variants ?? []) {
    if (!variant.id) continue;
    if (!existing.has(variant.id)) throw new AppError('VARIANT_GONE', `variant ${variant.id} is not part of product ${productId}`);
    kept.add(variant.id);
  }
  const removed = input.variants ? product.variants.filter((v) => !kept.has(v.id)) : [];
  const ordered = removed.find((v) => v._count.orderItems > 0);
  if (ordered) {
    throw new AppError('VARIANT_ORDERED', { name: ordered.name, sku: ordered.sku }, `variant ${ordered.id} has order items`);
  }
  // The product's own variants may swap or reuse SKUs among themselves; everyone else's may not be taken.
  if (input.variants)
    await refuseTakenSkus(
      db,
      access.brandId,
      input.variants.map((v) => v.sku),
      productId,
    );

  try {
    await db.$transaction(async (tx) => {
      await tx.product.update({
        where: { id: productId },
        data: { title: input.title, description: input.description, status: input.status, updatedAt: new Date() },
      });
      await recordProductUpdated(tx, access.brandId, productId, {
        title: input.title,
        description: input.description,
        status: input.status,
        ...(input.variants && { variants: input.variants.length }),
      });
      if (!input.variants) return;
      if (removed.length) await tx.productVariant.deleteMany({ where: { productId, id: { in: removed.map((v) => v.id) } } });
      for (const { id, stock, ...fields } of input.variants) {
        if (!id) {
          await tx.productVariant.create({ data: { ...fields, stock: stock ?? 0, productId, currency: access.currency } });
          continue;
        }
        await tx.productVariant.update({ where: { id }, data: fields });
        // Only a stock the person actually changed is written, so sales since the form opened are not undone.
        if (stock !== undefined && stock !== existing.get(id)?.stock) await setStockInTransaction(tx, id, stock);
      }
    });
  } catch (error) {
    throw takeSkuConflict(error);
  }
}

export async function setProductStatus(db: Db, actor: Actor, slug: string, productId: string, status: ProductStatus): Promise<void> {
  await updateProduct(db, actor, slug, productId, { status });
}

/** Points the product at an image already stored; answers the previous URL so the caller may delete it. */
export async function setProductImage(
  db: Db,
  actor: Actor,
  slug: string,
  productId: string,
  storedUrl: string | null,
): Promise<{ previousUrl: string | null }> {
  const access = await requireBrandMember(db, actor, { slug });
  const url = storedUrl === null ? null : parseInput(imageUrlSchema, storedUrl);
  const product = await db.product.findFirst({ where: { id: productId, brandId: access.brandId }, select: { imageUrl: true } });
  if (!product) throw productNotFound(productId);
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id: productId }, data: { imageUrl: url } });
    await recordProductUpdated(tx, access.brandId, productId, { imageUrl: url });
  });
  return { previousUrl: product.imageUrl };
}
