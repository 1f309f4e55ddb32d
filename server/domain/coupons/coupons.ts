import type { Prisma } from '../../db/client';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import { currencyFormat } from '../money-format';
import {
  couponCodeSchema,
  couponInputSchema,
  type AppliedCoupon,
  type CouponInput,
  type CouponState,
  type CouponView,
} from './coupons.schema';

export * from './coupons.schema';

const couponSelect = {
  id: true,
  code: true,
  kind: true,
  value: true,
  minSubtotalMinor: true,
  maxRedemptions: true,
  redemptionCount: true,
  perBuyerLimit: true,
  startsAt: true,
  expiresAt: true,
  active: true,
  brand: { select: { currency: true } },
  show: { select: { id: true, title: true } },
} as const;
type CouponRow = Prisma.CouponGetPayload<{ select: typeof couponSelect }>;

function stateOf(c: Pick<CouponRow, 'active' | 'startsAt' | 'expiresAt' | 'maxRedemptions' | 'redemptionCount'>, now: Date): CouponState {
  if (!c.active) return 'INACTIVE';
  if (c.expiresAt && c.expiresAt <= now) return 'EXPIRED';
  if (c.maxRedemptions !== null && c.redemptionCount >= c.maxRedemptions) return 'USED_UP';
  if (c.startsAt && c.startsAt > now) return 'SCHEDULED';
  return 'ACTIVE';
}

function toView(c: CouponRow, now = new Date()): CouponView {
  const { brand, startsAt, expiresAt, ...rest } = c;
  return {
    ...rest,
    currency: brand.currency,
    startsAt: startsAt?.toISOString() ?? null,
    expiresAt: expiresAt?.toISOString() ?? null,
    state: stateOf(c, now),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

export async function listCoupons(db: Db, actor: Actor, slug: string): Promise<CouponView[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const rows = await db.coupon.findMany({
    where: { brandId: brand.brandId },
    select: couponSelect,
    orderBy: [{ active: 'desc' }, { createdAt: 'desc' }],
  });
  return rows.map((row) => toView(row));
}

/** The brand's shows a coupon can be limited to: those still to come or live. */
export async function couponShowChoices(db: Db, actor: Actor, slug: string): Promise<{ id: string; title: string }[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  return db.show.findMany({
    where: { brandId: brand.brandId, status: { in: ['SCHEDULED', 'LIVE'] } },
    select: { id: true, title: true },
    orderBy: { scheduledStart: 'asc' },
  });
}

export async function createCoupon(db: Db, actor: Actor, slug: string, raw: CouponInput): Promise<CouponView> {
  const brand = await requireBrandMember(db, actor, { slug });
  const parsed = couponInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const input = parsed.data;
  if (input.showId && !(await db.show.findFirst({ where: { id: input.showId, brandId: brand.brandId }, select: { id: true } }))) {
    throw new AppError('SHOW_NOT_FOUND', `show ${input.showId} is not ${slug}'s`);
  }
  try {
    const row = await db.coupon.create({ data: { ...input, brandId: brand.brandId }, select: couponSelect });
    return toView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('COUPON_CODE_TAKEN', { code: input.code }, `coupon ${input.code} exists in ${slug}`);
    throw error;
  }
}

/** Deactivating keeps the coupon and its history; buyers can no longer use it. */
export async function setCouponActive(db: Db, actor: Actor, slug: string, couponId: string, active: boolean): Promise<CouponView> {
  const brand = await requireBrandMember(db, actor, { slug });
  const { count } = await db.coupon.updateMany({ where: { id: couponId, brandId: brand.brandId }, data: { active } });
  if (count === 0) throw new AppError('COUPON_NOT_FOUND', `coupon ${couponId} is not ${slug}'s`);
  return toView(await db.coupon.findUniqueOrThrow({ where: { id: couponId }, select: couponSelect }));
}

function money(minor: number, currency: string): string {
  return currencyFormat(currency).format(minor);
}

/**
 * Whether a buyer may use a code in a show for a subtotal, with a refusal in
 * plain words when not. Checkout claims the coupon again inside its transaction
 * (`claimCoupon`): this check alone cannot hold a usage limit under concurrency.
 */
export async function checkCoupon(
  db: Db,
  buyer: Actor,
  request: { showId: string; code: string; subtotalMinor: number; now?: Date },
): Promise<AppliedCoupon> {
  const code = couponCodeSchema.safeParse(request.code);
  const show = await db.show.findUnique({
    where: { id: request.showId },
    select: { brandId: true, brand: { select: { currency: true } } },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${request.showId} not found`);
  const unknown = new AppError('COUPON_UNKNOWN', { code: request.code.trim().toUpperCase() || '—' }, `unknown code ${request.code}`);
  if (!code.success) throw unknown;
  const coupon = await db.coupon.findUnique({ where: { brandId_code: { brandId: show.brandId, code: code.data } } });
  if (!coupon) throw unknown;
  const now = request.now ?? new Date();
  if (!coupon.active) throw new AppError('COUPON_INACTIVE', `coupon ${coupon.id} inactive`);
  if (coupon.startsAt && coupon.startsAt > now) throw new AppError('COUPON_NOT_YET', `coupon ${coupon.id} not started`);
  if (coupon.expiresAt && coupon.expiresAt <= now) throw new AppError('COUPON_EXPIRED', `coupon ${coupon.id} expired`);
  if (coupon.maxRedemptions !== null && coupon.redemptionCount >= coupon.maxRedemptions)
    throw new AppError('COUPON_USED_UP', `coupon ${coupon.id} used up`);
  if (coupon.showId && coupon.showId !== request.showId)
    throw new AppError('COUPON_OTHER_SHOW', `coupon ${coupon.id} is for ${coupon.showId}`);
  if (request.subtotalMinor < coupon.minSubtotalMinor) {
    throw new AppError(
      'COUPON_MINIMUM',
      { amount: money(coupon.minSubtotalMinor, show.brand.currency) },
      `subtotal ${request.subtotalMinor} below ${coupon.minSubtotalMinor}`,
    );
  }
  const used = await db.couponRedemption.count({ where: { couponId: coupon.id, buyerId: buyer.userId } });
  if (used >= coupon.perBuyerLimit) throw new AppError('COUPON_ALREADY_USED', `buyer ${buyer.userId} used ${coupon.id} ${used} times`);
  return { id: coupon.id, code: coupon.code, kind: coupon.kind, value: coupon.value, perBuyerLimit: coupon.perBuyerLimit };
}

/**
 * Takes one use of a coupon inside the checkout transaction. The buyer's
 * uses are counted under an advisory lock (two tabs cannot both pass the
 * per-buyer limit), and the counter moves only while it is below the limit:
 * concurrent checkouts queue on the coupon's row and each re-reads the count,
 * so exactly `maxRedemptions` of them succeed. The CHECK constraint backs it.
 */
export async function claimCoupon(tx: Prisma.TransactionClient, coupon: AppliedCoupon, buyerId: string, orderId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`coupon:${coupon.id}:${buyerId}`}, 0))`;
  const used = await tx.couponRedemption.count({ where: { couponId: coupon.id, buyerId } });
  if (used >= coupon.perBuyerLimit) throw new AppError('COUPON_ALREADY_USED', `buyer ${buyerId} used ${coupon.id} ${used} times`);
  const claimed = await tx.$executeRaw`
    UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" + 1
     WHERE "id" = ${coupon.id} AND "active"
       AND ("maxRedemptions" IS NULL OR "redemptionCount" < "maxRedemptions")
       AND ("expiresAt" IS NULL OR "expiresAt" > (now() AT TIME ZONE 'UTC'))`;
  if (claimed === 0) throw new AppError('COUPON_JUST_ENDED', `coupon ${coupon.id} could not be claimed`);
  await tx.couponRedemption.create({ data: { couponId: coupon.id, orderId, buyerId } });
}
