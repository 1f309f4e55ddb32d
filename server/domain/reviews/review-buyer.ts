// The buyer's side: who may review a product (a verified buyer whose order line was delivered and
// not fully refunded), and writing or editing that one review.
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';
import { parse, type ReviewInput, reviewInputSchema } from './review-schema';

export type ReviewRefusal = 'REVIEW_NOT_PURCHASED' | 'REVIEW_NOT_DELIVERED' | 'REVIEW_REFUNDED';

export interface MyReview {
  id: string;
  rating: number;
  body: string;
  status: 'PUBLISHED' | 'PENDING' | 'HIDDEN';
}

export type ReviewEligibility =
  { allowed: true; review: MyReview | null } | { allowed: false; refusal: ReviewRefusal; review: MyReview | null };

const myReviewSelect = { id: true, rating: true, body: true, status: true } as const;

/**
 * Whether the person may write (or edit) their review of the product. A delivered order that is
 * not fully refunded is enough, even when another order of the same product was refunded; a
 * partial refund (one of two units) keeps the right to review.
 */
export async function reviewEligibility(db: Db, actor: Actor, productId: string): Promise<ReviewEligibility> {
  const [orders, review] = await Promise.all([
    db.order.findMany({
      where: { buyerId: actor.userId, status: { not: 'CANCELLED' }, items: { some: { variant: { productId } } } },
      select: { status: true, totalMinor: true, refundedMinor: true },
    }),
    db.productReview.findUnique({ where: { productId_authorId: { productId, authorId: actor.userId } }, select: myReviewSelect }),
  ]);
  if (orders.some((o) => o.status === 'DELIVERED' && o.refundedMinor < o.totalMinor)) return { allowed: true, review };
  const refusal: ReviewRefusal =
    orders.length === 0
      ? 'REVIEW_NOT_PURCHASED'
      : orders.some((o) => o.status === 'REFUNDED' || (o.status === 'DELIVERED' && o.refundedMinor >= o.totalMinor))
        ? 'REVIEW_REFUNDED'
        : 'REVIEW_NOT_DELIVERED';
  return { allowed: false, refusal, review };
}

/**
 * Writes the buyer's review of a product, or replaces their earlier one (one per buyer and
 * product). A review the brand hid or reports hold stays so after an edit: editing must not be a
 * way round moderation. `review.published` is recorded in the same transaction when the review is
 * visible, so a webhook never announces a review that was not saved.
 */
export async function submitReview(db: Db, actor: Actor, input: ReviewInput): Promise<{ reviewId: string; created: boolean }> {
  const { productId, rating, body } = parse(reviewInputSchema, input);
  const product = await db.product.findUnique({ where: { id: productId }, select: { brandId: true } });
  if (!product) throw new AppError('PRODUCT_NOT_FOUND', `product ${productId}`);
  const eligibility = await reviewEligibility(db, actor, productId);
  if (!eligibility.allowed) throw new AppError(eligibility.refusal, `user ${actor.userId} on product ${productId}`);
  return db.$transaction(async (tx) => {
    const before = await tx.productReview.findUnique({
      where: { productId_authorId: { productId, authorId: actor.userId } },
      select: { id: true },
    });
    const saved = await tx.productReview.upsert({
      where: { productId_authorId: { productId, authorId: actor.userId } },
      create: { productId, authorId: actor.userId, rating, body },
      update: { rating, body },
      select: { id: true, status: true },
    });
    if (saved.status === 'PUBLISHED')
      await recordBrandEvent(tx, product.brandId, 'review.published', { reviewId: saved.id, productId, rating, edited: before !== null });
    return { reviewId: saved.id, created: before === null };
  });
}

/** The products of a delivered order, each with the buyer's review if any: the order page's invitation. */
export async function orderReviewInvites(
  db: Db,
  actor: Actor,
  orderId: string,
): Promise<{ productId: string; title: string; review: MyReview | null }[]> {
  const order = await db.order.findFirst({
    where: { id: orderId, buyerId: actor.userId },
    select: {
      status: true,
      totalMinor: true,
      refundedMinor: true,
      items: { select: { variant: { select: { productId: true, product: { select: { title: true } } } } } },
    },
  });
  if (!order || order.status !== 'DELIVERED' || order.refundedMinor >= order.totalMinor) return [];
  const byProduct = new Map<string, string>();
  for (const item of order.items) byProduct.set(item.variant.productId, item.variant.product.title);
  const reviews = await db.productReview.findMany({
    where: { authorId: actor.userId, productId: { in: [...byProduct.keys()] } },
    select: { ...myReviewSelect, productId: true },
  });
  const reviewOf = new Map(reviews.map(({ productId, ...r }) => [productId, r]));
  return [...byProduct].map(([productId, title]) => ({ productId, title, review: reviewOf.get(productId) ?? null }));
}
