import { z } from 'zod';
import type { Actor, Db } from '../context';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { checkCoupon } from '../coupons';
import { requireReplay } from '../replays';
import { heldUnits } from '../waitlist';
import { lineName, loadBagLines, loadBagShow, subtotalOf, unitsPerProduct, type BagLine } from './bag-lines';
import { amountToFreeShipping, orderTotals, type OrderTotals, type ShippingRule } from '../pricing';

export { checkoutBag, reserveBagForQr, stockChangesOf, type BagCheckoutRequest, type BagOrder } from './bag-checkout';
export type { BagLine, BagLineProblem } from './bag-lines';

/** Distinct items a bag can hold: plenty for a show, and a bound on what one checkout locks. */
export const MAX_BAG_LINES = 20;

export const bagItemSchema = z.object({
  showId: z.string().min(1),
  variantId: z.string().min(1),
  quantity: z.number().int().min(0).max(99),
});
export type BagItemRequest = z.infer<typeof bagItemSchema>;

export interface BagView {
  showId: string;
  currency: string;
  lines: BagLine[];
  /** Units in the bag, for the badge on the bag button. */
  itemCount: number;
  totals: OrderTotals;
  shipping: ShippingRule;
  /** What is missing for free shipping; null when shipping is already free or never is. */
  freeShippingMissingMinor: number | null;
  coupon: { code: string; discountMinor: number } | null;
  /** Why the code asked for cannot be used, in plain words. */
  /** Why the code given cannot be used: a COUPON_INVALID refusal, translated by the page. */
  couponError: ErrorPayload | null;
  maxPerBuyer: number;
}

/**
 * Puts a variant in the viewer's bag with this quantity; 0 takes it out. Only
 * while the show is live or plays as a replay, for an active product of its lineup, up to the
 * show's per-buyer limit (all variants of a product together) and the stock.
 */
export async function setBagItem(db: Db, actor: Actor, request: BagItemRequest): Promise<void> {
  const { showId, variantId, quantity } = bagItemSchema.parse(request);
  if (quantity === 0) {
    await db.bagItem.deleteMany({ where: { userId: actor.userId, showId, variantId } });
    return;
  }
  const show = await loadBagShow(db, showId);
  // A replay sells its lineup again, at the regular price (server/domain/replays).
  if (show.status === 'ENDED') await requireReplay(db, showId);
  else if (show.status !== 'LIVE') throw new AppError('BAG_WHILE_LIVE', `show ${showId} is ${show.status}`);
  const variant = await db.productVariant.findUnique({
    where: { id: variantId },
    select: { name: true, stock: true, product: { select: { id: true, title: true, status: true, brandId: true } } },
  });
  if (!variant || variant.product.status !== 'ACTIVE') throw new AppError('PRODUCT_GONE', `variant ${variantId} not sellable`);
  if (variant.product.brandId !== show.brandId || !show.lineup.has(variant.product.id))
    throw new AppError('NOT_IN_LINEUP', `product ${variant.product.id} not in ${showId}`);
  const name = lineName({ productTitle: variant.product.title, variantName: variant.name });
  // A unit held for this viewer (the waitlist) is theirs, though the stock no longer counts it.
  const stock = variant.stock + ((await heldUnits(db, actor.userId, [variantId])).get(variantId) ?? 0);
  if (stock <= 0) throw new AppError('SOLD_OUT_NAMED', { name }, `variant ${variantId} sold out`);
  if (stock < quantity) throw new AppError('ONLY_LEFT', { count: stock, name }, `variant ${variantId} has ${stock}`);
  const others = await db.bagItem.findMany({
    where: { userId: actor.userId, showId, NOT: { variantId } },
    select: { quantity: true, variant: { select: { productId: true } } },
  });
  if (others.length >= MAX_BAG_LINES) throw new AppError('BAG_FULL', { max: MAX_BAG_LINES }, `bag of ${actor.userId} is full`);
  const units = unitsPerProduct([
    ...others.map((o) => ({ productId: o.variant.productId, quantity: o.quantity })),
    { productId: variant.product.id, quantity },
  ]);
  if ((units.get(variant.product.id) ?? 0) > show.maxPerBuyer) {
    throw new AppError(
      'LIMIT_PER_PRODUCT',
      { max: show.maxPerBuyer, product: variant.product.title },
      `bag over limit ${show.maxPerBuyer}`,
    );
  }
  await db.bagItem.upsert({
    where: { userId_showId_variantId: { userId: actor.userId, showId, variantId } },
    create: { userId: actor.userId, showId, variantId, quantity },
    update: { quantity },
  });
}

/** The viewer's bag with live prices and stock, and the totals they would pay, with a coupon code when given. */
export async function getBag(db: Db, actor: Actor, request: { showId: string; couponCode?: string | null }): Promise<BagView> {
  const show = await loadBagShow(db, request.showId);
  const lines = await loadBagLines(db, actor.userId, show);
  const subtotalMinor = subtotalOf(lines);
  let coupon: BagView['coupon'] = null;
  let couponError: ErrorPayload | null = null;
  let terms = null;
  if (request.couponCode?.trim() && lines.length > 0) {
    try {
      terms = await checkCoupon(db, actor, { showId: show.id, code: request.couponCode, subtotalMinor });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'COUPON_INVALID') throw error;
      couponError = toErrorPayload(error);
    }
  }
  const totals = orderTotals(subtotalMinor, show.shipping, terms);
  if (terms) coupon = { code: terms.code, discountMinor: totals.discountMinor };
  return {
    showId: show.id,
    currency: show.currency,
    lines,
    itemCount: lines.reduce((n, line) => n + line.quantity, 0),
    totals,
    shipping: show.shipping,
    freeShippingMissingMinor: lines.length ? amountToFreeShipping(subtotalMinor, show.shipping) : null,
    coupon,
    couponError,
    maxPerBuyer: show.maxPerBuyer,
  };
}
