// A product's words in the reader's language (issue 19 item 6): brands write a title, description
// and variant names per language; readers get them with the product's own words as the fallback
// for any language or field left empty. Prices, stock and ids are never translated: only text.
import { z } from 'zod';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@/app/_i18n/locales';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import { recordBrandEvent } from '../events';

export interface ProductText {
  id: string;
  title: string;
  description?: string;
  variants?: readonly { id: string; name: string }[];
}

/**
 * The same rows with their text in `locale` where the brand wrote it. One query per call (two
 * with variants), however many products: list pages localise a whole page at once.
 */
export async function localizeProducts<T extends ProductText>(db: Db, products: readonly T[], locale: Locale): Promise<T[]> {
  if (products.length === 0) return [...products];
  const ids = products.map((p) => p.id);
  const variantIds = products.flatMap((p) => p.variants?.map((v) => v.id) ?? []);
  const [rows, variantRows] = await Promise.all([
    db.productTranslation.findMany({
      where: { productId: { in: ids }, locale },
      select: { productId: true, title: true, description: true },
    }),
    variantIds.length > 0
      ? db.variantTranslation.findMany({ where: { variantId: { in: variantIds }, locale }, select: { variantId: true, name: true } })
      : Promise.resolve([]),
  ]);
  const byProduct = new Map(rows.map((r) => [r.productId, r]));
  const byVariant = new Map(variantRows.map((r) => [r.variantId, r.name]));
  return products.map((p) => {
    const row = byProduct.get(p.id);
    return {
      ...p,
      title: row?.title.trim() || p.title,
      ...(p.description !== undefined ? { description: row?.description.trim() || p.description } : {}),
      ...(p.variants ? { variants: p.variants.map((v) => ({ ...v, name: byVariant.get(v.id)?.trim() || v.name })) } : {}),
    };
  });
}

export async function localizeProduct<T extends ProductText>(db: Db, product: T, locale: Locale): Promise<T> {
  return (await localizeProducts(db, [product], locale))[0]!;
}

const OTHER_LOCALE = z.enum(LOCALES);
const translationSchema = z.object({
  locale: OTHER_LOCALE,
  title: z.string().trim().max(200, 'PRODUCT_TITLE_TOO_LONG').default(''),
  description: z.string().trim().max(5000, 'PRODUCT_DESCRIPTION_TOO_LONG').default(''),
  variants: z.array(z.object({ id: z.string().min(1).max(64), name: z.string().trim().max(200).default('') })).default([]),
});
export type ProductTranslationInput = z.input<typeof translationSchema>;

export interface ProductTranslations {
  productId: string;
  /** The product's own words, the fallback. */
  title: string;
  description: string;
  variants: { id: string; name: string }[];
  byLocale: Partial<Record<Locale, { title: string; description: string; variants: Record<string, string> }>>;
}

async function brandProduct(db: Db, actor: Actor, slug: string, productId: string) {
  const brand = await requireBrandMember(db, actor, { slug });
  const product = await db.product.findFirst({
    where: { id: productId, brandId: brand.brandId },
    select: { id: true, title: true, description: true, variants: { select: { id: true, name: true }, orderBy: { createdAt: 'asc' } } },
  });
  if (!product) throw new AppError('PRODUCT_NOT_FOUND', `product ${productId} not in ${slug}`);
  return { brand, product };
}

/** What the editor shows: the product's own words and each language's. */
export async function getProductTranslations(db: Db, actor: Actor, slug: string, productId: string): Promise<ProductTranslations> {
  const { product } = await brandProduct(db, actor, slug, productId);
  const [rows, variantRows] = await Promise.all([
    db.productTranslation.findMany({ where: { productId } }),
    db.variantTranslation.findMany({ where: { variant: { productId } } }),
  ]);
  const byLocale: ProductTranslations['byLocale'] = {};
  for (const locale of LOCALES) {
    const row = rows.find((r) => r.locale === locale);
    const names = Object.fromEntries(variantRows.filter((v) => v.locale === locale).map((v) => [v.variantId, v.name]));
    if (row || Object.keys(names).length > 0)
      byLocale[locale] = { title: row?.title ?? '', description: row?.description ?? '', variants: names };
  }
  return { productId, title: product.title, description: product.description, variants: product.variants, byLocale };
}

/**
 * Saves one language's words; empty fields are removed so the reader falls back to the product's
 * own. Records product.updated like any other edit of the product.
 */
export async function setProductTranslation(
  db: Db,
  actor: Actor,
  slug: string,
  productId: string,
  input: ProductTranslationInput,
): Promise<void> {
  const parsed = translationSchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const { locale, title, description, variants } = parsed.data;
  const { brand, product } = await brandProduct(db, actor, slug, productId);
  const own = new Set(product.variants.map((v) => v.id));
  await db.$transaction(async (tx) => {
    if (title || description)
      await tx.productTranslation.upsert({
        where: { productId_locale: { productId, locale } },
        create: { productId, locale, title, description },
        update: { title, description },
      });
    else await tx.productTranslation.deleteMany({ where: { productId, locale } });
    for (const v of variants) {
      // A variant of another product is ignored, never written: the form posts ids it was given.
      if (!own.has(v.id)) continue;
      if (v.name)
        await tx.variantTranslation.upsert({
          where: { variantId_locale: { variantId: v.id, locale } },
          create: { variantId: v.id, locale, name: v.name },
          update: { name: v.name },
        });
      else await tx.variantTranslation.deleteMany({ where: { variantId: v.id, locale } });
    }
    await recordBrandEvent(tx, brand.brandId, 'product.updated', { productId, changes: [`translation:${locale}`] });
  });
}

/** Active products whose title in any language contains the pattern (already LIKE-escaped). */
export async function productIdsByTranslatedTitle(db: Db, likePattern: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT p.id, p.title FROM "ProductTranslation" t JOIN "Product" p ON p.id = t."productId"
    WHERE t.title ILIKE ${likePattern} ESCAPE '\\' AND p.status = 'ACTIVE' ORDER BY p.title LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** A show's lineup and pinned product in the viewer's language (the show page's first state). */
export async function localizeShowProducts<P extends ProductText, S extends { pinnedProduct: P | null; lineup: P[] }>(
  db: Db,
  state: S,
  locale: string | null | undefined,
): Promise<S> {
  if (!isLocale(locale) || locale === DEFAULT_LOCALE) return state;
  const all = state.pinnedProduct ? [state.pinnedProduct, ...state.lineup] : state.lineup;
  const localized = await localizeProducts(db, all, locale);
  return state.pinnedProduct ? { ...state, pinnedProduct: localized[0]!, lineup: localized.slice(1) } : { ...state, lineup: localized };
}
