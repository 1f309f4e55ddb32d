// What the assistant reads to answer: the show's lineup (or the brand's active products), the
// pinned product, the brand's shipping rule. Products are matched to the question by pg_trgm word
// similarity of each title word against the question, so "serun" still finds "Dewy Glow Serum".
import { rawQuery } from '../../db/raw';
import type { Db } from '../context';
import { AppError } from '../errors';

export interface AskContext {
  brandId: string;
  brandName: string;
  currency: string;
  shippingFlatMinor: number;
  freeShippingOverMinor: number | null;
  showId: string | null;
  pinnedProductId: string | null;
  /** The products the question can be about: the show's lineup, else the brand's active products. */
  productIds: string[];
}

export interface ProductFacts {
  id: string;
  title: string;
  description: string;
  variants: { id: string; name: string; options: unknown; priceMinor: number; currency: string; stock: number }[];
}

/** Below this word similarity a title word does not name the product. */
const PRODUCT_MATCH = 0.55;

export async function askContext(db: Db, where: { showId: string } | { brandId: string }): Promise<AskContext> {
  const brandSelect = { id: true, name: true, currency: true, shippingFlatMinor: true, freeShippingOverMinor: true } as const;
  if ('showId' in where) {
    const show = await db.show.findUnique({
      where: { id: where.showId },
      select: {
        id: true,
        pinnedProductId: true,
        brand: { select: brandSelect },
        lineup: { select: { productId: true }, orderBy: { position: 'asc' } },
      },
    });
    if (!show) throw new AppError('NOT_FOUND', `show ${where.showId}`);
    return {
      ...brandFacts(show.brand),
      showId: show.id,
      pinnedProductId: show.pinnedProductId,
      productIds: show.lineup.map((l) => l.productId),
    };
  }
  const brand = await db.brand.findUnique({
    where: { id: where.brandId },
    select: { ...brandSelect, products: { where: { status: 'ACTIVE' }, select: { id: true }, orderBy: { createdAt: 'asc' } } },
  });
  if (!brand) throw new AppError('NOT_FOUND', `brand ${where.brandId}`);
  return { ...brandFacts(brand), showId: null, pinnedProductId: null, productIds: brand.products.map((p) => p.id) };
}

function brandFacts(b: { id: string; name: string; currency: string; shippingFlatMinor: number; freeShippingOverMinor: number | null }) {
  return {
    brandId: b.id,
    brandName: b.name,
    currency: b.currency,
    shippingFlatMinor: b.shippingFlatMinor,
    freeShippingOverMinor: b.freeShippingOverMinor,
  };
}

/** The product of the context whose title the question names best, or null. */
export async function matchProduct(db: Db, productIds: string[], query: string | undefined): Promise<string | null> {
  if (!query || productIds.length === 0) return null;
  const rows = await rawQuery<{ id: string; score: number }>(
    db,
    `SELECT p.id, max(word_similarity(w, $2)) AS score
       FROM "Product" p, unnest(regexp_split_to_array(lower(p.title), '[^[:alnum:]]+')) AS w
      WHERE p.id = ANY($1) AND length(w) >= 3
      GROUP BY p.id ORDER BY score DESC, p.id LIMIT 1`,
    [productIds, query.toLowerCase()],
  );
  const best = rows[0];
  return best && Number(best.score) >= PRODUCT_MATCH ? best.id : null;
}

/** A product's figures, read now: never cached, so a price or stock answer is what the database says. */
export async function productFacts(db: Db, productId: string): Promise<ProductFacts | null> {
  return db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      description: true,
      variants: {
        select: { id: true, name: true, options: true, priceMinor: true, currency: true, stock: true },
        orderBy: { priceMinor: 'asc' },
      },
    },
  });
}

export async function productTitles(db: Db, productIds: string[]): Promise<string[]> {
  const rows = await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, title: true } });
  const byId = new Map(rows.map((r) => [r.id, r.title]));
  return productIds.map((id) => byId.get(id)).filter((t): t is string => t !== undefined);
}

/** The words of the question that spell (or nearly spell) a word of the product's title. */
export async function titleWordsIn(db: Db, productId: string, words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const rows = await rawQuery<{ w: string }>(
    db,
    `SELECT DISTINCT q.w
       FROM unnest($2::text[]) AS q(w), "Product" p, unnest(regexp_split_to_array(lower(p.title), '[^[:alnum:]]+')) AS t
      WHERE p.id = $1 AND length(t) >= 3 AND similarity(q.w, t) >= ${PRODUCT_MATCH}`,
    [productId, words],
  );
  return rows.map((r) => r.w);
}
