// The brand's side: the moderation queue (reviews reports hid, and reported reviews still shown),
// hiding and showing again with a reason, and one public reply per review.
import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';
import { hideReasonSchema, parse, REPORT_REASONS, replySchema, type ReportReason } from './review-schema';

export interface QueueReview {
  id: string;
  productId: string;
  productTitle: string;
  rating: number;
  body: string;
  authorName: string;
  status: 'PUBLISHED' | 'PENDING' | 'HIDDEN';
  openReports: number;
  reportReasons: ReportReason[];
  hiddenReason: string | null;
  reply: string | null;
  createdAt: Date;
}

export const MODERATION_FILTERS = ['queue', 'hidden', 'all'] as const;
export type ModerationFilter = (typeof MODERATION_FILTERS)[number];

/** "queue": waiting for a decision (held by reports, or reported since the last decision). */
export async function listBrandReviews(db: Db, actor: Actor, slug: string, filter: ModerationFilter): Promise<QueueReview[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const where =
    filter === 'queue'
      ? { OR: [{ status: 'PENDING' as const }, { status: 'PUBLISHED' as const, openReports: { gt: 0 } }] }
      : filter === 'hidden'
        ? { status: 'HIDDEN' as const }
        : {};
  const rows = await db.productReview.findMany({
    where: { product: { brandId: brand.brandId }, ...where },
    orderBy: [{ openReports: 'desc' }, { createdAt: 'desc' }],
    take: 100,
    select: {
      id: true,
      productId: true,
      rating: true,
      body: true,
      status: true,
      openReports: true,
      hiddenReason: true,
      reply: true,
      createdAt: true,
      product: { select: { title: true } },
      author: { select: { name: true } },
      reports: { select: { reason: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  return rows.map(({ product, author, reports, ...r }) => ({
    ...r,
    productTitle: product.title,
    authorName: author.name,
    // Stored through reportInputSchema, so every row is one of REPORT_REASONS.
    reportReasons: [...new Set(reports.map((x) => x.reason))].filter((x): x is ReportReason =>
      (REPORT_REASONS as readonly string[]).includes(x),
    ),
  }));
}

async function requireReviewOfMyBrand(db: Db, actor: Actor, slug: string, reviewId: string) {
  const brand = await requireBrandMember(db, actor, { slug });
  const review = await db.productReview.findFirst({
    where: { id: reviewId, product: { brandId: brand.brandId } },
    select: { id: true, productId: true, status: true, rating: true },
  });
  if (!review) throw new AppError('REVIEW_NOT_FOUND', `review ${reviewId} of brand ${slug}`);
  return { brand, review };
}

/** Hides a review with a reason the author can be told; clears its open reports. */
export async function hideReview(db: Db, actor: Actor, slug: string, reviewId: string, reason: string): Promise<void> {
  const hiddenReason = parse(hideReasonSchema, reason);
  const { brand, review } = await requireReviewOfMyBrand(db, actor, slug, reviewId);
  await db.$transaction(async (tx) => {
    await tx.productReview.update({
      where: { id: reviewId },
      data: { status: 'HIDDEN', hiddenReason, openReports: 0, moderatedAt: new Date() },
    });
    // A review reports already held was announced hidden then; this only records the decision.
    if (review.status === 'PUBLISHED')
      await recordBrandEvent(tx, brand.brandId, 'review.hidden', { reviewId, productId: review.productId, by: 'brand' });
  });
}

/** Shows a hidden or held review again: the brand decided the reports were wrong. */
export async function unhideReview(db: Db, actor: Actor, slug: string, reviewId: string): Promise<void> {
  const { brand, review } = await requireReviewOfMyBrand(db, actor, slug, reviewId);
  await db.$transaction(async (tx) => {
    await tx.productReview.update({
      where: { id: reviewId },
      data: { status: 'PUBLISHED', hiddenReason: null, openReports: 0, moderatedAt: new Date() },
    });
    if (review.status !== 'PUBLISHED')
      await recordBrandEvent(tx, brand.brandId, 'review.published', {
        reviewId,
        productId: review.productId,
        rating: review.rating,
        edited: false,
      });
  });
}

/** The brand's one public answer to a review; a second one is refused rather than overwriting the first. */
export async function replyToReview(db: Db, actor: Actor, slug: string, reviewId: string, text: string): Promise<void> {
  const reply = parse(replySchema, text);
  await requireReviewOfMyBrand(db, actor, slug, reviewId);
  const done = await db.productReview.updateMany({ where: { id: reviewId, reply: null }, data: { reply, repliedAt: new Date() } });
  if (done.count === 0) throw new AppError('REVIEW_ALREADY_REPLIED', `review ${reviewId}`);
}
