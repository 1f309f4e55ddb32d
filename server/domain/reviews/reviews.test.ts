import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import type { Actor } from '../context';
import { advanceOrder } from '../orders';
import { buy, payments, prepareShows, PUBLIC_URL, type OrderFixtures } from '../orders/order-test-support';
import { refundOrder } from '../payments';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import {
  hideReview,
  listBrandReviews,
  listProductReviews,
  markReviewHelpful,
  orderReviewInvites,
  ratingSummary,
  replyToReview,
  REPORT_THRESHOLD,
  reportReview,
  reviewEligibility,
  submitReview,
  unhideReview,
} from './index';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;
let serumProductId: string;
let fleeceProductId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  fx = await prepareShows(database.prisma);
  serumProductId = (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: fx.lumenVariantId } })).productId;
  fleeceProductId = (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: fx.koraVariantId } })).productId;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

let people = 0;
async function newBuyer(): Promise<Actor> {
  people += 1;
  const user = await database.prisma.user.create({ data: { email: `reviewer${people}@example.test`, name: `Reviewer Number${people}` } });
  return { userId: user.id, name: user.name };
}

async function deliver(orderId: string): Promise<void> {
  await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', orderId, 'PACKED', null, PUBLIC_URL);
  await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', orderId, 'SHIPPED', { carrier: 'DHL', trackingNumber: 'R1' }, PUBLIC_URL);
  await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', orderId, 'DELIVERED', null, PUBLIC_URL);
}

const eventsOf = async (reviewId: string) =>
  (await database.prisma.brandEvent.findMany({ where: { type: { startsWith: 'review.' } }, orderBy: { createdAt: 'asc' } }))
    .filter((e) => (e.data as { reviewId?: string }).reviewId === reviewId)
    .map((e) => [e.type, (e.data as { by?: string }).by ?? null]);

describe('who may review', () => {
  it('a buyer whose order is not delivered yet is refused with REVIEW_NOT_DELIVERED, and someone who never bought with REVIEW_NOT_PURCHASED', async () => {
    await buy(database.prisma, actors.viewer2, fx.koraShowId, fx.koraVariantId);
    await expectAppError(submitReview(database.prisma, actors.viewer2, { productId: fleeceProductId, rating: 5 }), 'REVIEW_NOT_ALLOWED');
    expect(await reviewEligibility(database.prisma, actors.viewer2, fleeceProductId)).toMatchObject({ refusal: 'REVIEW_NOT_DELIVERED' });
    expect(await reviewEligibility(database.prisma, actors.host, fleeceProductId)).toMatchObject({ refusal: 'REVIEW_NOT_PURCHASED' });
    expect(await database.prisma.productReview.count({ where: { productId: fleeceProductId } })).toBe(0);
  });

  it('once delivered the buyer reviews it once per product: a second review replaces the first, and the rating follows', async () => {
    const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
    await deliver(order.id);
    expect(await orderReviewInvites(database.prisma, actors.viewer, order.id)).toEqual([
      expect.objectContaining({ productId: serumProductId, review: null }),
    ]);
    const first = await submitReview(database.prisma, actors.viewer, { productId: serumProductId, rating: 2, body: '  Sticky.\u0007 ' });
    const second = await submitReview(database.prisma, actors.viewer, {
      productId: serumProductId,
      rating: 4,
      body: 'Better after a week.',
    });
    expect(first.created).toBe(true);
    expect(second).toEqual({ reviewId: first.reviewId, created: false });
    const rows = await database.prisma.productReview.findMany({ where: { productId: serumProductId, authorId: actors.viewer.userId } });
    expect(rows.map((r) => [r.rating, r.body])).toEqual([[4, 'Better after a week.']]);
    expect(await ratingSummary(database.prisma, serumProductId)).toEqual({ average: 4, count: 1, distribution: [0, 0, 0, 1, 0] });
    expect(await eventsOf(first.reviewId)).toEqual([
      ['review.published', null],
      ['review.published', null],
    ]);
  });

  it('a rating outside 1–5 and a text over the limit are refused before anything is saved', async () => {
    await expectAppError(submitReview(database.prisma, actors.viewer, { productId: serumProductId, rating: 6 }), 'INVALID_INPUT');
    await expectAppError(
      submitReview(database.prisma, actors.viewer, { productId: serumProductId, rating: 3, body: 'x'.repeat(2001) }),
      'INVALID_INPUT',
    );
    expect((await database.prisma.productReview.findFirstOrThrow({ where: { authorId: actors.viewer.userId } })).rating).toBe(4);
  });

  it('after a full refund of the delivered order the buyer is refused with REVIEW_REFUNDED', async () => {
    const order = await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId);
    await deliver(order.id);
    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, { reason: 'broken', idempotencyKey: 'all', restock: false });
    expect(await reviewEligibility(database.prisma, actors.viewer2, serumProductId)).toMatchObject({
      allowed: false,
      refusal: 'REVIEW_REFUNDED',
    });
    await expectAppError(submitReview(database.prisma, actors.viewer2, { productId: serumProductId, rating: 1 }), 'REVIEW_NOT_ALLOWED');
    expect(await orderReviewInvites(database.prisma, actors.viewer2, order.id)).toEqual([]);
  });
});

describe('reports and moderation', () => {
  let reviewId: string;

  beforeAll(async () => {
    reviewId = (await database.prisma.productReview.findFirstOrThrow({ where: { authorId: actors.viewer.userId } })).id;
  });

  it(`one report per person; the ${REPORT_THRESHOLD}rd report hides the review pending moderation and records review.hidden once`, async () => {
    const reporters = [await newBuyer(), await newBuyer(), await newBuyer()];
    await expectAppError(reportReview(database.prisma, actors.viewer, reviewId, { reason: 'spam' }), 'INVALID_STATE');
    expect(await reportReview(database.prisma, reporters[0]!, reviewId, { reason: 'spam' })).toEqual({ hidden: false });
    await expectAppError(reportReview(database.prisma, reporters[0]!, reviewId, { reason: 'offensive' }), 'INVALID_STATE');
    await expectAppError(reportReview(database.prisma, reporters[1]!, reviewId, { reason: 'because' }), 'INVALID_INPUT');
    expect(await reportReview(database.prisma, reporters[1]!, reviewId, { reason: 'offensive' })).toEqual({ hidden: false });
    expect(await reportReview(database.prisma, reporters[2]!, reviewId, { reason: 'spam' })).toEqual({ hidden: true });

    expect((await listProductReviews(database.prisma, serumProductId, {})).reviews).toEqual([]);
    expect(await ratingSummary(database.prisma, serumProductId)).toBeNull();
    const queue = await listBrandReviews(database.prisma, actors.lumenOwner, 'lumen', 'queue');
    expect(queue.find((r) => r.id === reviewId)).toMatchObject({ status: 'PENDING', openReports: 3, reportReasons: ['spam', 'offensive'] });
    expect((await eventsOf(reviewId)).filter(([type]) => type === 'review.hidden')).toEqual([['review.hidden', 'reports']]);
  });

  it('another brand cannot see or moderate the review; the brand shows it again, replies once, then hides it with a reason', async () => {
    await expectAppError(listBrandReviews(database.prisma, actors.koraOwner, 'lumen', 'queue'), 'NOT_FOUND');
    await expectAppError(hideReview(database.prisma, actors.koraOwner, 'kora', reviewId, 'spam'), 'NOT_FOUND');

    await unhideReview(database.prisma, actors.lumenOwner, 'lumen', reviewId);
    expect((await listBrandReviews(database.prisma, actors.lumenOwner, 'lumen', 'queue')).some((r) => r.id === reviewId)).toBe(false);
    await replyToReview(database.prisma, actors.lumenOwner, 'lumen', reviewId, 'Thank you!');
    await expectAppError(replyToReview(database.prisma, actors.lumenOwner, 'lumen', reviewId, 'Again'), 'INVALID_STATE');
    const shown = await listProductReviews(database.prisma, serumProductId, {});
    expect(shown.reviews).toEqual([
      expect.objectContaining({ id: reviewId, reply: 'Thank you!', authorName: expect.stringMatching(/\.$/) }),
    ]);

    await expectAppError(hideReview(database.prisma, actors.lumenOwner, 'lumen', reviewId, '   '), 'INVALID_INPUT');
    await hideReview(database.prisma, actors.lumenOwner, 'lumen', reviewId, 'Mentions another shop');
    expect((await listBrandReviews(database.prisma, actors.lumenOwner, 'lumen', 'hidden')).map((r) => [r.id, r.hiddenReason])).toEqual([
      [reviewId, 'Mentions another shop'],
    ]);
    expect(await ratingSummary(database.prisma, serumProductId)).toBeNull();
    // An edit by the author does not bring a hidden review back.
    await submitReview(database.prisma, actors.viewer, { productId: serumProductId, rating: 5, body: 'Edited' });
    expect((await database.prisma.productReview.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe('HIDDEN');
    // The edit of a hidden review announces nothing.
    expect((await eventsOf(reviewId)).slice(-2)).toEqual([
      ['review.published', null],
      ['review.hidden', 'brand'],
    ]);
  });

  it('helpful votes count once per person and order the "most helpful" list', async () => {
    await unhideReview(database.prisma, actors.lumenOwner, 'lumen', reviewId);
    const buyer = await newBuyer();
    const order = await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId);
    await deliver(order.id);
    const other = await submitReview(database.prisma, actors.viewer2, { productId: serumProductId, rating: 3 });
    await markReviewHelpful(database.prisma, buyer, reviewId);
    await markReviewHelpful(database.prisma, buyer, reviewId);
    await expectAppError(markReviewHelpful(database.prisma, actors.viewer, reviewId), 'INVALID_STATE');
    const newest = await listProductReviews(database.prisma, serumProductId, { sort: 'newest' });
    const helpful = await listProductReviews(database.prisma, serumProductId, { sort: 'helpful' });
    expect(newest.reviews.map((r) => r.id)).toEqual([other.reviewId, reviewId]);
    expect(helpful.reviews.map((r) => [r.id, r.helpfulCount])).toEqual([
      [reviewId, 1],
      [other.reviewId, 0],
    ]);
    expect(helpful.summary).toEqual({ average: 4, count: 2, distribution: [0, 0, 1, 0, 1] });
  });
});
