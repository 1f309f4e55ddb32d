import type { Prisma } from '../../db/client';

/**
 * Gives an order's coupon use back when the order is cancelled or fully
 * refunded: its redemption row goes (so the buyer's per-buyer limit counts it
 * no more) and the coupon's counter drops by one (so `maxRedemptions` counts
 * it back). The order keeps `couponId` and its discount as history. Runs inside
 * the transaction that ends the order, which holds the order's row lock, so a
 * use is released once however many cancellations and refunds race.
 */
export async function releaseCouponUse(tx: Prisma.TransactionClient, orderId: string): Promise<boolean> {
  const released = await tx.$queryRaw<
    { couponId: string }[]
  >`DELETE FROM "CouponRedemption" WHERE "orderId" = ${orderId} RETURNING "couponId"`;
  for (const { couponId } of released) {
    await tx.$executeRaw`UPDATE "Coupon" SET "redemptionCount" = "redemptionCount" - 1 WHERE "id" = ${couponId} AND "redemptionCount" > 0`;
  }
  return released.length > 0;
}
