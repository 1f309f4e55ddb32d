import { lineName, loadBagLines, loadBagShow, subtotalOf, unitsPerProduct, type BagLine, type BagShow } from './bag-lines';
import { publicBuyerName, type Actor, type Db } from './context';
import { limitReached, placeBagOrder, soldOut, type PlacedBag } from './bag-placement';
import { recordBrandEvent } from './brand-events';
import { checkCoupon } from './coupons';
import { AppError } from './errors';
import { sendReceiptEmail } from './order-emails';
import { recordCapturedPayment } from './payments/payments';
import type { PaymentProvider } from './payments/provider';
import { orderTotals, type OrderTotals } from './pricing';
import { stockGate } from './stock-gate';

export interface BagCheckoutRequest {
  showId: string;
  idempotencyKey: string;
  couponCode?: string | null;
  /** The total the buyer agreed to. A higher one (a deal ended, a price rose) is refused before any charge. */
  expectedTotalMinor?: number;
}

export interface BagOrder extends OrderTotals {
  id: string;
  number: number;
  status: string;
  currency: string;
  couponCode: string | null;
  lines: { productId: string; productTitle: string; variantId: string; variantName: string; quantity: number; unitPriceMinor: number }[];
  buyerPublicName: string;
  /** True when the key was used before: the earlier order, nothing new created or charged. */
  replayed: boolean;
  /** Stock of every variant this checkout sold, right after it; empty on a replay. */
  stockAfter: { productId: string; variantId: string; stock: number }[];
  /** Flash deals this checkout bought at, with their units sold after it (for the show's deal banner); empty on a replay. */
  deals: { id: string; soldCount: number }[];
}

/** What the realtime layer broadcasts after a bag checkout: one stock figure per variant sold. */
export function stockChangesOf(order: BagOrder): { productId: string; variantId: string; stock: number }[] {
  return order.replayed ? [] : order.stockAfter;
}

async function findOrderByKey(db: Db, buyerId: string, idempotencyKey: string): Promise<BagOrder | null> {
  const order = await db.order.findUnique({
    where: { buyerId_idempotencyKey: { buyerId, idempotencyKey } },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      subtotalMinor: true,
      shippingMinor: true,
      discountMinor: true,
      totalMinor: true,
      coupon: { select: { code: true } },
      buyer: { select: { name: true } },
      items: {
        select: {
          quantity: true,
          unitPriceMinor: true,
          variant: { select: { id: true, name: true, product: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  if (!order) return null;
  const { coupon, buyer, items, ...rest } = order;
  return {
    ...rest,
    couponCode: coupon?.code ?? null,
    lines: items.map((i) => ({
      productId: i.variant.product.id,
      productTitle: i.variant.product.title,
      variantId: i.variant.id,
      variantName: i.variant.name,
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
    })),
    buyerPublicName: publicBuyerName(buyer.name),
    replayed: true,
    stockAfter: [],
    deals: [],
  };
}

async function loadWallet(db: Db, buyer: Actor) {
  const [user, address, card] = await Promise.all([
    db.user.findUnique({ where: { id: buyer.userId }, select: { name: true } }),
    db.address.findFirst({ where: { userId: buyer.userId, isDefault: true }, select: { id: true } }),
    db.paymentMethod.findFirst({ where: { userId: buyer.userId, isDefault: true }, select: { id: true, token: true } }),
  ]);
  if (!user) throw new AppError('UNAUTHENTICATED', `user ${buyer.userId} no longer exists`);
  if (!card) throw new AppError('BAG_NO_CARD', `user ${buyer.userId} has no default payment method`);
  if (!address) throw new AppError('BAG_NO_ADDRESS', `user ${buyer.userId} has no default address`);
  return { name: user.name, addressId: address.id, card };
}

/** The cheap early answers; the transaction re-checks stock and the limit, and is the authority. */
function refuseUnbuyable(lines: BagLine[], show: BagShow): void {
  if (lines.length === 0) throw new AppError('BAG_EMPTY', 'empty bag');
  for (const line of lines) {
    if (line.problem === 'UNAVAILABLE') throw new AppError('LINE_GONE', { name: lineName(line) }, `${line.variantId} unavailable`);
    if (line.problem) throw soldOut(line);
  }
  for (const [productId, units] of unitsPerProduct(lines))
    if (units > show.maxPerBuyer)
      throw limitReached(
        lines.find((l) => l.productId === productId)!,
        show.maxPerBuyer,
      );
}

function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return (error as { code?: unknown }).code === 'P2002' || text.includes('Order_buyerId_idempotencyKey_key');
}

/**
 * Pays for the viewer's whole bag in one order: the default address (copied
 * onto the order) and card, each line at the price the bag shows now (a
 * running flash deal's price for its variant; see claimDealUnits in
 * bag-placement.ts for a deal that ends during the checkout),
 * one authorization of the total, then one transaction that takes every line's
 * stock or none (any line short refuses the whole checkout with SOLD_OUT
 * naming it, and the authorization is voided), claims the coupon, writes the
 * order and empties the bag. The same key always returns the same order and
 * never charges twice. A coupon used up by someone else in the meantime
 * refuses the checkout (COUPON_INVALID) rather than charging more than the
 * total the buyer was shown.
 */
export async function checkoutBag(db: Db, payments: PaymentProvider, buyer: Actor, request: BagCheckoutRequest): Promise<BagOrder> {
  const earlier = await findOrderByKey(db, buyer.userId, request.idempotencyKey);
  if (earlier) return earlier;
  const show = await loadBagShow(db, request.showId);
  if (show.status !== 'LIVE') throw new AppError('SHOW_NOT_LIVE', `show ${show.id} is ${show.status}`);
  const wallet = await loadWallet(db, buyer);
  const lines = await loadBagLines(db, buyer.userId, show);
  refuseUnbuyable(lines, show);
  const subtotalMinor = subtotalOf(lines);
  const coupon = request.couponCode?.trim()
    ? await checkCoupon(db, buyer, { showId: show.id, code: request.couponCode, subtotalMinor })
    : null;
  const totals = orderTotals(subtotalMinor, show.shipping, coupon);
  if (request.expectedTotalMinor !== undefined && totals.totalMinor > request.expectedTotalMinor) {
    throw new AppError('PRICE_CHANGED', `bag total ${totals.totalMinor} over the ${request.expectedTotalMinor} the buyer saw`);
  }

  const authorization = await payments.authorize({
    token: wallet.card.token,
    amountMinor: totals.totalMinor,
    currency: show.currency,
    idempotencyKey: `${buyer.userId}:${request.idempotencyKey}`,
  });
  if (!authorization.ok) throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for ${buyer.userId}`);
  let placed: PlacedBag;
  try {
    placed = await db.$transaction(
      async (tx) => {
        const order = await placeBagOrder(tx, {
          buyer,
          show,
          lines,
          totals,
          coupon,
          idempotencyKey: request.idempotencyKey,
          addressId: wallet.addressId,
          paymentMethodId: wallet.card.id,
          paymentRef: authorization.reference,
        });
        // Captured before the PAID order commits: an authorization that cannot be
        // captured (PAYMENT_NOT_CAPTURABLE, e.g. a key reused after a void) rolls the
        // whole order back instead of leaving it PAID with no money taken. The test
        // provider answers in-process; a real one would hold these row locks for a
        // network call, which is why one tap reserves first and charges after.
        await payments.capture(authorization.reference);
        // Paid when this commits: announced with it, in the shape one tap's confirm_show_order records.
        await recordBrandEvent(tx, show.brandId, 'order.paid', {
          orderId: order.id,
          orderNumber: order.number,
          amountMinor: totals.totalMinor,
          currency: show.currency,
          provider: payments.name,
          reference: authorization.reference,
        });
        return order;
      },
      {
        // Checkouts with one coupon queue on its row: wait for a connection and for the queue rather than fail.
        maxWait: 10_000,
        timeout: 20_000,
      },
    );
  } catch (error) {
    // A concurrent request with the same key may have won: its order is the answer, and the shared authorization is its payment.
    const winner = await findOrderByKey(db, buyer.userId, request.idempotencyKey);
    if (winner) return winner;
    await payments.void(authorization.reference);
    if (error instanceof AppError || !isDuplicateKey(error)) throw error;
    throw new AppError('INTERNAL', 'duplicate key without an order');
  }
  // Never throws: the order is placed and paid whatever happens to this row (the provider's webhook fills it in).
  await recordCapturedPayment(db, {
    orderId: placed.id,
    provider: payments.name,
    reference: authorization.reference,
    amountMinor: totals.totalMinor,
    currency: show.currency,
  });
  await sendReceiptEmail(db, placed.id);
  for (const line of lines) stockGate.forget(line.variantId);
  return {
    id: placed.id,
    number: placed.number,
    status: 'PAID',
    currency: show.currency,
    ...totals,
    couponCode: coupon?.code ?? null,
    lines: lines.map(({ productId, productTitle, variantId, variantName, quantity, unitPriceMinor }) => ({
      productId,
      productTitle,
      variantId,
      variantName,
      quantity,
      unitPriceMinor,
    })),
    buyerPublicName: publicBuyerName(wallet.name),
    replayed: false,
    stockAfter: placed.stockAfter,
    deals: placed.deals,
  };
}
