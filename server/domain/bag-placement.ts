// The transaction of a bag checkout (server/domain/bag-checkout.ts): everything
// that must hold together or not at all once the total is authorised.
import type { Prisma } from '../db/client';
import { recordBrandEvent } from './brand-events';
import { lineName, unitsPerProduct, type BagLine, type BagShow } from './bag-lines';
import type { Actor } from './context';
import { claimCoupon, type AppliedCoupon } from './coupons';
import { AppError } from './errors';
import { shippingAddressColumns } from './order-address';
import type { OrderTotals } from './pricing';

export const soldOut = (line: BagLine) =>
  new AppError('LINE_SOLD_OUT', { name: lineName(line) }, `variant ${line.variantId} short for ${line.quantity}`);
export const limitReached = (line: BagLine, max: number) =>
  new AppError('LIMIT_PER_PRODUCT', { max, product: line.productTitle }, `product ${line.productId} over ${max}`);
// The same reason one tap answers, so the viewer page words it the same way.
const dealEnded = (line: BagLine) =>
  new AppError('DEAL_OVER', `deal ${line.deal?.id} on ${line.variantId} ended or capped during checkout`);

export interface Placement {
  buyer: Actor;
  show: BagShow;
  lines: BagLine[];
  totals: OrderTotals;
  coupon: AppliedCoupon | null;
  idempotencyKey: string;
  addressId: string;
  paymentMethodId: string;
  paymentRef: string;
}

export type PlacedBag = {
  id: string;
  number: number;
  stockAfter: { productId: string; variantId: string; stock: number }[];
  /** Units sold of each deal this checkout took from, right after it. */
  deals: { id: string; soldCount: number }[];
};

export async function placeBagOrder(tx: Prisma.TransactionClient, p: Placement): Promise<PlacedBag> {
  const { buyer, show, lines } = p;
  // The same lock as one-tap buying (place_show_order): a buyer's purchases in a show queue, so together they cannot pass the limit.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${buyer.userId}:${show.id}`}, 0))`;
  const shipTo = await lockAddress(tx, buyer, p.addressId);
  const bought = await tx.$queryRaw<{ productId: string; units: number }[]>`
    SELECT v."productId", COALESCE(SUM(i."quantity"), 0)::int AS "units"
      FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" JOIN "ProductVariant" v ON v."id" = i."variantId"
     WHERE o."buyerId" = ${buyer.userId} AND o."showId" = ${show.id} AND o."status" NOT IN ('CANCELLED', 'REFUNDED')
     GROUP BY v."productId"`;
  const boughtUnits = new Map(bought.map((b) => [b.productId, b.units]));
  for (const [productId, units] of unitsPerProduct(lines)) {
    if ((boughtUnits.get(productId) ?? 0) + units > show.maxPerBuyer)
      throw limitReached(
        lines.find((l) => l.productId === productId)!,
        show.maxPerBuyer,
      );
  }
  // Deal units before stock, as place_show_order takes them, so a bag and a tap
  // locking the same deal and variant always lock them in the same order.
  const deals: PlacedBag['deals'] = [];
  for (const line of lines) if (line.deal) deals.push({ id: line.deal.id, soldCount: await claimDealUnits(tx, line) });
  // Rows are locked in one order (by id) so two bags sharing variants cannot deadlock.
  const stockAfter: PlacedBag['stockAfter'] = [];
  for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    const [row] = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE "ProductVariant" SET "stock" = "stock" - ${line.quantity}::int WHERE "id" = ${line.variantId} AND "stock" >= ${line.quantity}::int RETURNING "stock"`;
    if (!row) throw soldOut(line);
    stockAfter.push({ productId: line.productId, variantId: line.variantId, stock: row.stock });
  }
  const order = await tx.order.create({
    data: {
      buyerId: buyer.userId,
      brandId: show.brandId,
      showId: show.id,
      status: 'PAID',
      source: 'BAG',
      currency: show.currency,
      ...p.totals,
      couponId: p.coupon?.id ?? null,
      idempotencyKey: p.idempotencyKey,
      addressId: p.addressId,
      ...shippingAddressColumns(shipTo),
      paymentMethodId: p.paymentMethodId,
      paymentRef: p.paymentRef,
      paidAt: new Date(),
    },
    select: { id: true, number: true },
  });
  await tx.orderItem.createMany({
    data: lines.map((l) => ({
      orderId: order.id,
      variantId: l.variantId,
      dealId: l.deal?.id ?? null,
      title: `${l.productTitle} — ${l.variantName}`,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      currency: l.currency,
    })),
  });
  await tx.orderEvent.create({
    data: { orderId: order.id, status: 'PAID', actorId: buyer.userId, note: 'Paid from the bag during the show.' },
  });
  if (p.coupon) await claimCoupon(tx, p.coupon, buyer.userId, order.id);
  await tx.bagItem.deleteMany({ where: { userId: buyer.userId, showId: show.id } });
  await recordBrandEvent(tx, show.brandId, 'order.created', {
    orderId: order.id,
    orderNumber: order.number,
    source: 'BAG',
    showId: show.id,
    currency: show.currency,
    ...p.totals,
    couponCode: p.coupon?.code ?? null,
    items: lines.map((l) => ({ variantId: l.variantId, productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
  });
  return { ...order, stockAfter, deals };
}

/**
 * The address is copied onto the order (Order.ship*), so later edits or its
 * deletion never change where this order goes. FOR SHARE holds it still until
 * the order commits; gone in the meantime, the checkout is refused like one
 * without an address.
 */
async function lockAddress(tx: Prisma.TransactionClient, buyer: Actor, addressId: string) {
  const [address] = await tx.$queryRaw<
    { fullName: string; line1: string; line2: string; city: string; region: string; postalCode: string; country: string; phone: string }[]
  >`
    SELECT "fullName", "line1", "line2", "city", "region", "postalCode", "country", "phone"
      FROM "Address" WHERE "id" = ${addressId} AND "userId" = ${buyer.userId} FOR SHARE`;
  if (!address) throw new AppError('BAG_NO_ADDRESS', `address ${addressId} removed during checkout`);
  return address;
}

/**
 * Takes the line's units from its deal with the conditional update one tap uses
 * (place_show_order), so the cap holds across both ways of buying. The line
 * was priced with the deal and the buyer authorised that total; if the deal
 * ended or sold through since, charging the regular price would take more than
 * the total they agreed to without them seeing it, so the checkout is refused
 * instead (nothing is charged, the bag refreshes to the regular price, and the
 * buyer decides). A deal that had already ended when the checkout began never
 * reaches here: the line was priced at the regular price, as the bag showed.
 */
async function claimDealUnits(tx: Prisma.TransactionClient, line: BagLine): Promise<number> {
  const [claimed] = await tx.$queryRaw<{ soldCount: number }[]>`
    UPDATE "FlashDeal" SET "soldCount" = "soldCount" + ${line.quantity}::int
     WHERE "id" = ${line.deal!.id} AND "variantId" = ${line.variantId} AND "endedAt" IS NULL AND "endsAt" > now()
       AND ("quantityCap" IS NULL OR "soldCount" + ${line.quantity}::int <= "quantityCap")
    RETURNING "soldCount"`;
  if (!claimed) throw dealEnded(line);
  return claimed.soldCount;
}
