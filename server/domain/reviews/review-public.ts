// What everyone sees: a product's rating (average, count, distribution) computed in SQL from the
// published reviews at read time, so it can never drift from them; pages of reviews; and what any
// signed-in viewer may do with someone else's review: report it, or find it helpful.
import { Prisma } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';
import { parse, REPORT_THRESHOLD, reportInputSchema, reviewListQuerySchema, REVIEWS_PAGE_SIZE, type ReviewSort } from './review-schema';

export interface RatingSummary {
  average: number;
  count: number;
  /** distribution[0] is the number of 1-star reviews … distribution[4] of 5-star ones. */
  distribution: [number, number, number, number, number];
}

export interface PublicReview {
  id: string;
  /** For the page to leave out "Report" under one's own review; never rendered. */
  authorId: string;
  rating: number;
  body: string;
  authorName: string;
  createdAt: Date;
  helpfulCount: number;
  reply: string | null;
  repliedAt: Date | null;
}

export interface ReviewPage {
  summary: RatingSummary | null;
  reviews: PublicReview[];
  sort: ReviewSort;
  page: number;
  pageCount: number;
}

/** The ratings of several products at once (one grouped query); products without published reviews are absent. */
export async function ratingSummaries(db: Db, productIds: readonly string[]): Promise<Map<string, RatingSummary>> {
  const result = new Map<string, RatingSummary>();
  if (productIds.length === 0) return result;
  const groups = await db.productReview.groupBy({
    by: ['productId', 'rating'],
    where: { productId: { in: [...productIds] }, status: 'PUBLISHED' },
    _count: { _all: true },
  });
  for (const g of groups) {
    const summary = result.get(g.productId) ?? { average: 0, count: 0, distribution: [0, 0, 0, 0, 0] };
    summary.distribution[g.rating - 1] = g._count._all;
    summary.count += g._count._all;
    summary.average += g.rating * g._count._all;
    result.set(g.productId, summary);
  }
  for (const summary of result.values()) summary.average = Math.round((summary.average / summary.count) * 10) / 10;
  return result;
}

/** The ratings of the products in a show's lineup (and its pinned product), for the cards over the stream. */
export async function showProductRatings(db: Db, showId: string): Promise<Map<string, RatingSummary>> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { pinnedProductId: true, lineup: { select: { productId: true } } },
  });
  if (!show) return new Map();
  const ids = new Set(show.lineup.map((l) => l.productId));
  if (show.pinnedProductId) ids.add(show.pinnedProductId);
  return ratingSummaries(db, [...ids]);
}

export async function ratingSummary(db: Db, productId: string): Promise<RatingSummary | null> {
  return (await ratingSummaries(db, [productId])).get(productId) ?? null;
}

/** "Sam Rivera" → "Sam R.": a review is public, the buyer's full name is not. */
function shortName(name: string): string {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}

/** One page of a product's published reviews, newest first or most helpful first. */
export async function listProductReviews(db: Db, productId: string, query: { sort?: unknown; page?: unknown }): Promise<ReviewPage> {
  const { sort, page } = parse(reviewListQuerySchema, query);
  const summary = await ratingSummary(db, productId);
  const count = summary?.count ?? 0;
  const pageCount = Math.max(1, Math.ceil(count / REVIEWS_PAGE_SIZE));
  const orderBy: Prisma.ProductReviewOrderByWithRelationInput[] =
    sort === 'helpful' ? [{ helpfulCount: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'asc' }];
  const rows =
    count === 0
      ? []
      : await db.productReview.findMany({
          where: { productId, status: 'PUBLISHED' },
          orderBy,
          skip: (Math.min(page, pageCount) - 1) * REVIEWS_PAGE_SIZE,
          take: REVIEWS_PAGE_SIZE,
          select: {
            id: true,
            authorId: true,
            rating: true,
            body: true,
            createdAt: true,
            helpfulCount: true,
            reply: true,
            repliedAt: true,
            author: { select: { name: true } },
          },
        });
  return {
    summary,
    sort,
    page: Math.min(page, pageCount),
    pageCount,
    reviews: rows.map(({ author, ...r }) => ({ ...r, authorName: shortName(author.name) })),
  };
}

async function requireVisibleReview(db: Db, reviewId: string) {
  const review = await db.productReview.findUnique({
    where: { id: reviewId },
    select: { id: true, authorId: true, status: true, productId: true, product: { select: { brandId: true } } },
  });
  if (!review || review.status !== 'PUBLISHED') throw new AppError('REVIEW_NOT_FOUND', `review ${reviewId}`);
  return review;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Reports a review (one report per person). The report that reaches REPORT_THRESHOLD hides the
 * review pending the brand's decision and records `review.hidden`, all in one transaction; the
 * conditional update lets exactly one of several simultaneous reports make that change.
 */
export async function reportReview(db: Db, actor: Actor, reviewId: string, input: { reason: unknown }): Promise<{ hidden: boolean }> {
  const { reason } = parse(reportInputSchema, input);
  const review = await requireVisibleReview(db, reviewId);
  if (review.authorId === actor.userId) throw new AppError('REVIEW_OWN', `user ${actor.userId} reported their own review`);
  try {
    return await db.$transaction(async (tx) => {
      await tx.reviewReport.create({ data: { reviewId, reporterId: actor.userId, reason } });
      await tx.productReview.update({ where: { id: reviewId }, data: { openReports: { increment: 1 } } });
      const held = await tx.productReview.updateMany({
        where: { id: reviewId, status: 'PUBLISHED', openReports: { gte: REPORT_THRESHOLD } },
        data: { status: 'PENDING' },
      });
      if (held.count === 0) return { hidden: false };
      await recordBrandEvent(tx, review.product.brandId, 'review.hidden', { reviewId, productId: review.productId, by: 'reports' });
      return { hidden: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('REVIEW_ALREADY_REPORTED', `user ${actor.userId} on review ${reviewId}`);
    throw error;
  }
}

/** Counts the person once as finding the review helpful; asking again changes nothing. */
export async function markReviewHelpful(db: Db, actor: Actor, reviewId: string): Promise<void> {
  const review = await requireVisibleReview(db, reviewId);
  if (review.authorId === actor.userId) throw new AppError('REVIEW_OWN', `user ${actor.userId} voted for their own review`);
  await db.$transaction(async (tx) => {
    const added = await tx.reviewHelpfulVote.createMany({ data: [{ reviewId, userId: actor.userId }], skipDuplicates: true });
    if (added.count === 1) await tx.productReview.update({ where: { id: reviewId }, data: { helpfulCount: { increment: 1 } } });
  });
}
