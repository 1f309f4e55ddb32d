// A product's own page (search hits on a product land here): what it is, its price per variant, and the
// public shows that sell it, live and upcoming first, then their replays.
import { productCardSelect, type ProductCard } from '../catalog';
import type { Locale } from '@/app/_i18n/locales';
import type { Db } from '../context';
import { localizeProduct } from '../product-content';
import { AppError } from '../errors';
import { discoverableShow, replayableShow, showCardSelect, toShowCard, type ShowCardData } from '../shows';

const SHOWS_PER_LIST = 12;

export interface ProductPage {
  product: ProductCard & { brand: { id: string; name: string; slug: string } };
  liveAndUpcoming: ShowCardData[];
  replays: ShowCardData[];
}

/** PRODUCT_NOT_FOUND for an unknown product and for one its brand has not put on sale (draft or archived). */
/** `locale`: the reader's language for the product's words (product-content), falling back to its own. */
export async function productPage(db: Db, productId: string, locale: Locale = 'en'): Promise<ProductPage> {
  const product = await db.product.findFirst({
    where: { id: productId, status: 'ACTIVE' },
    select: { ...productCardSelect, brand: { select: { id: true, name: true, slug: true } } },
  });
  if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product ${productId} on sale`);
  const sells = { lineup: { some: { productId } } };
  const [liveAndUpcoming, replays] = await Promise.all([
    db.show.findMany({
      where: { ...discoverableShow, status: { in: ['LIVE', 'SCHEDULED'] }, lineup: sells.lineup },
      select: showCardSelect,
      // LIVE sorts after SCHEDULED in the enum: live shows first, the latest to go live first; then the soonest to start.
      orderBy: [{ status: 'desc' }, { startedAt: { sort: 'desc', nulls: 'last' } }, { scheduledStart: 'asc' }],
      take: SHOWS_PER_LIST,
    }),
    db.show.findMany({
      where: { ...discoverableShow, ...replayableShow, lineup: sells.lineup },
      select: showCardSelect,
      orderBy: { endedAt: 'desc' },
      take: SHOWS_PER_LIST,
    }),
  ]);
  return {
    product: await localizeProduct(db, product, locale),
    liveAndUpcoming: liveAndUpcoming.map(toShowCard),
    replays: replays.map(toShowCard),
  };
}
