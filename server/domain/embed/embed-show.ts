import type { Prisma } from '../../db/client';
import type { Db } from '../context';
import { AppError } from '../errors';
import { getShowState, type ShowState } from '../shows';
import { type EmbedOriginRules, liveEmbedOrigins } from './embed-origins';

/**
 * The one place that says which shows may appear in another site's frame. Both the page and
 * the frame-ancestors header go through it, so a show refused here is refused everywhere.
 * Private shows (a later item of issue 16) must add their condition HERE: e.g.
 * `visibility: 'PUBLIC'`, and never embed, whatever origins the brand lists.
 */
const embeddableShow = (showId: string) => ({ id: showId }) satisfies Prisma.ShowWhereInput;

export interface EmbedShow {
  show: ShowState;
  /** Origins that may frame it (the brand's list under today's rules). */
  frameOrigins: string[];
  /**
   * The SKU of every variant of the show's products (the lineup, which every pin comes from): the
   * hand-off event names the product the way the brand's own cart knows it. Product cards over the
   * show channel carry no SKU.
   */
  skus: Record<string, string>;
}

export async function getEmbedShow(db: Db, showId: string, rules: EmbedOriginRules): Promise<EmbedShow> {
  const row = await db.show.findFirst({ where: embeddableShow(showId), select: { brand: { select: { embedOrigins: true } } } });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not embeddable`);
  const show = await getShowState(db, showId);
  const productIds = [...show.lineup.map((p) => p.id), ...(show.pinnedProduct ? [show.pinnedProduct.id] : [])];
  const variants = await db.productVariant.findMany({ where: { productId: { in: productIds } }, select: { id: true, sku: true } });
  return {
    show,
    frameOrigins: liveEmbedOrigins(row.brand.embedOrigins, rules),
    skus: Object.fromEntries(variants.map((v) => [v.id, v.sku])),
  };
}

/** For the response headers: who may frame /embed/shows/<id>; none when the show does not exist or may not embed. */
export async function embedFrameOrigins(db: Db, showId: string, rules: EmbedOriginRules): Promise<string[]> {
  const row = await db.show.findFirst({ where: embeddableShow(showId), select: { brand: { select: { embedOrigins: true } } } });
  return row ? liveEmbedOrigins(row.brand.embedOrigins, rules) : [];
}

/**
 * The origin a hand-off event may be posted to: the one the embedding page said it is, only if
 * the brand allows it. The browser then delivers it only if the parent really is that origin.
 */
export function handOffOrigin(claimed: string | null | undefined, frameOrigins: readonly string[]): string | null {
  if (!claimed || !URL.canParse(claimed)) return null;
  const origin = new URL(claimed).origin;
  return frameOrigins.includes(origin) ? origin : null;
}
