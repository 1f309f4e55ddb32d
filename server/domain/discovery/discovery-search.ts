// One search box over shows, products, hosts and brands. ILIKE with the
// pattern's own % and _ escaped, so "100%" finds "100% cotton" and not everything.
import { productCardSelect, type ProductCard } from '../catalog';
import type { Locale } from '@/app/_i18n/locales';
import type { Db } from '../context';
import { localizeProducts, productIdsByTranslatedTitle } from '../product-content';
import { discoverableShow, showCardSelect, toShowCard, type ShowCardData } from '../shows';

export const SEARCH_QUERY_MAX = 100;
const PER_GROUP = 12;

export interface SearchResults {
  query: string;
  shows: ShowCardData[];
  products: (ProductCard & { brand: { name: string; slug: string } })[];
  hosts: { id: string; name: string; handle: string; avatarUrl: string | null }[];
  brands: { id: string; name: string; slug: string; logoUrl: string | null }[];
}

/** Collapses whitespace and caps the length; an empty result means "no search". */
export function normaliseSearchQuery(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, SEARCH_QUERY_MAX) : '';
}

/** Makes every character of `text` literal inside a LIKE pattern (escape character: backslash). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type IdRow = { id: string };

/** `locale`: the reader's language; products match their title in any language and read in this one. */
export async function searchCatalog(db: Db, rawQuery: string, locale: Locale = 'en'): Promise<SearchResults> {
  const query = normaliseSearchQuery(rawQuery);
  if (!query) return { query, shows: [], products: [], hosts: [], brands: [] };
  const pattern = `%${escapeLikePattern(query)}%`;
  // Raw SQL for the matching only, so the escape clause is explicit; the rows are then read through the typed client.
  const [showIds, ownTitleIds, hostIds, brandIds, translatedIds] = await Promise.all([
    db.$queryRaw<IdRow[]>`SELECT id FROM "Show" WHERE (title ILIKE ${pattern} ESCAPE '\\' OR description ILIKE ${pattern} ESCAPE '\\')
      AND status <> 'CANCELLED' AND "hostInviteStatus" = 'ACCEPTED' ORDER BY "scheduledStart" DESC LIMIT ${PER_GROUP}`,
    db.$queryRaw<
      IdRow[]
    >`SELECT id FROM "Product" WHERE title ILIKE ${pattern} ESCAPE '\\' AND status = 'ACTIVE' ORDER BY title LIMIT ${PER_GROUP}`,
    db.$queryRaw<IdRow[]>`SELECT u.id FROM "InfluencerProfile" p JOIN "User" u ON u.id = p."userId"
      WHERE (p.handle ILIKE ${pattern} ESCAPE '\\' OR u.name ILIKE ${pattern} ESCAPE '\\') AND u."deletedAt" IS NULL ORDER BY p.handle LIMIT ${PER_GROUP}`,
    db.$queryRaw<
      IdRow[]
    >`SELECT id FROM "Brand" WHERE name ILIKE ${pattern} ESCAPE '\\' OR slug ILIKE ${pattern} ESCAPE '\\' ORDER BY name LIMIT ${PER_GROUP}`,
    productIdsByTranslatedTitle(db, pattern, PER_GROUP),
  ]);
  const productIds = [...new Set([...ownTitleIds.map((r) => r.id), ...translatedIds])].slice(0, PER_GROUP).map((id) => ({ id }));
  const ids = (rows: IdRow[]) => rows.map((r) => r.id);
  const [shows, products, hosts, brands] = await Promise.all([
    db.show.findMany({
      where: { id: { in: ids(showIds) }, ...discoverableShow },
      select: showCardSelect,
      orderBy: { scheduledStart: 'desc' },
    }),
    db.product.findMany({
      where: { id: { in: ids(productIds) } },
      select: { ...productCardSelect, brand: { select: { name: true, slug: true } } },
      orderBy: { title: 'asc' },
    }),
    db.influencerProfile.findMany({
      where: { userId: { in: ids(hostIds) } },
      select: { handle: true, avatarUrl: true, user: { select: { id: true, name: true } } },
      orderBy: { handle: 'asc' },
    }),
    db.brand.findMany({
      where: { id: { in: ids(brandIds) } },
      select: { id: true, name: true, slug: true, logoUrl: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    query,
    shows: shows.map(toShowCard),
    products: await localizeProducts(db, products, locale),
    hosts: hosts.map((h) => ({ id: h.user.id, name: h.user.name, handle: h.handle, avatarUrl: h.avatarUrl })),
    brands,
  };
}
