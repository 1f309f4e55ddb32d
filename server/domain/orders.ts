import { randomUUID } from 'node:crypto';
import { AppError } from './errors';
import { shippingFor } from './pricing';
import { publicBuyerName, type Actor, type Db } from './context';
import type { PaymentProvider } from './payments/provider';
import { sendReceiptEmail } from './order-emails';
import { recordCapturedPayment } from './payments/payments';
import { stockGate } from './stock-gate';

export interface ShowPurchaseRequest {
  showId: string;
  variantId: string;
  quantity: number;
  idempotencyKey: string;
  /** The flash deal whose price the buyer saw; without it the regular price applies. */
  dealId?: string | null;
}

export interface PlacedOrder {
  id: string;
  number: number;
  status: string;
  totalMinor: number;
  /** Part of the total: the brand's shipping rule applies to every one-tap order. */
  shippingMinor: number;
  currency: string;
  productId: string;
  productTitle: string;
  variantId: string;
  variantName: string;
  quantity: number;
  /** Stock left after this order; null when the order is a replay of an earlier tap. */
  stockAfter: number | null;
  buyerPublicName: string;
  /** True when this request repeated an idempotency key: nothing new was created or charged. */
  replayed: boolean;
  /** The deal this order used, with its units sold after it; null without a deal or on a replay. */
  deal: { id: string; soldCount: number } | null;
}

const orderSelect = {
  id: true,
  number: true,
  status: true,
  totalMinor: true,
  shippingMinor: true,
  currency: true,
  buyer: { select: { name: true } },
  items: { select: { quantity: true, variant: { select: { id: true, name: true, product: { select: { id: true, title: true } } } } } },
} as const;

async function findOrderByKey(db: Db, buyerId: string, idempotencyKey: string): Promise<PlacedOrder | null> {
  const order = await db.order.findUnique({ where: { buyerId_idempotencyKey: { buyerId, idempotencyKey } }, select: orderSelect });
  if (!order) return null;
  const item = order.items[0];
  if (!item) return null;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    totalMinor: order.totalMinor,
    shippingMinor: order.shippingMinor,
    currency: order.currency,
    productId: item.variant.product.id,
    productTitle: item.variant.product.title,
    variantId: item.variant.id,
    variantName: item.variant.name,
    quantity: item.quantity,
    stockAfter: null,
    buyerPublicName: publicBuyerName(order.buyer.name),
    replayed: true,
    deal: null,
  };
}

interface PurchaseContext {
  showStatus: string | null;
  showBrandId: string | null;
  maxPerBuyer: number | null;
  shippingFlatMinor: number | null;
  freeShippingOverMinor: number | null;
  variantName: string | null;
  priceMinor: number | null;
  currency: string | null;
  stock: number | null;
  productId: string | null;
  productTitle: string | null;
  productBrandId: string | null;
  productStatus: string | null;
  inLineup: boolean;
  buyerName: string | null;
  addressId: string | null;
  paymentMethodId: string | null;
  cardToken: string | null;
  existingOrder: boolean;
  dealShowId: string | null;
  dealVariantId: string | null;
  dealPriceMinor: number | null;
  dealOpen: boolean;
}

/** Everything the checks need, in one round trip: a purchase storm is mostly reads. */
async function loadPurchaseContext(db: Db, buyerId: string, request: ShowPurchaseRequest): Promise<PurchaseContext> {
  const { showId, variantId, idempotencyKey, dealId = null } = request;
  const [row] = await db.$queryRaw<PurchaseContext[]>`
    SELECT s."status"::text AS "showStatus", s."brandId" AS "showBrandId", s."maxPerBuyer",
           b."shippingFlatMinor", b."freeShippingOverMinor",
           v."name" AS "variantName", v."priceMinor", v."currency", v."stock",
           p."id" AS "productId", p."title" AS "productTitle", p."brandId" AS "productBrandId", p."status"::text AS "productStatus",
           EXISTS (SELECT 1 FROM "ShowProduct" sp WHERE sp."showId" = s."id" AND sp."productId" = p."id") AS "inLineup",
           u."name" AS "buyerName",
           (SELECT a."id" FROM "Address" a WHERE a."userId" = u."id" AND a."isDefault" LIMIT 1) AS "addressId",
           pm."id" AS "paymentMethodId", pm."token" AS "cardToken",
           EXISTS (SELECT 1 FROM "Order" o WHERE o."buyerId" = ${buyerId} AND o."idempotencyKey" = ${idempotencyKey}) AS "existingOrder",
           d."showId" AS "dealShowId", d."variantId" AS "dealVariantId", d."priceMinor" AS "dealPriceMinor",
           COALESCE(d."endedAt" IS NULL AND d."endsAt" > now(), false) AS "dealOpen"
      FROM (SELECT 1) AS one
      LEFT JOIN "Show" s ON s."id" = ${showId}
      LEFT JOIN "Brand" b ON b."id" = s."brandId"
      LEFT JOIN "ProductVariant" v ON v."id" = ${variantId}
      LEFT JOIN "Product" p ON p."id" = v."productId"
      LEFT JOIN "User" u ON u."id" = ${buyerId}
      LEFT JOIN LATERAL (SELECT m."id", m."token" FROM "PaymentMethod" m WHERE m."userId" = u."id" AND m."isDefault" LIMIT 1) pm ON true
      LEFT JOIN "FlashDeal" d ON d."id" = ${dealId}`;
  return row!;
}

// Taps this process has handled, so a retry of one (a lost acknowledgement) always
// reaches the database and gets its order back instead of a gate refusal.
const recentTaps = new Set<string>();
const RECENT_TAPS_KEPT = 100_000;

function rememberTap(tapKey: string): void {
  recentTaps.add(tapKey);
  if (recentTaps.size > RECENT_TAPS_KEPT) recentTaps.delete(recentTaps.values().next().value!);
}

/** Refusals that place_show_order answers as its outcome. */
const REFUSALS = {
  SOLD_OUT: () => new AppError('SOLD_OUT'),
  DEAL_ENDED: () => new AppError('DEAL_ENDED', 'deal ended or capped', 'This deal has ended or sold out.'),
  LIMIT_REACHED: (message: string) => new AppError('LIMIT_REACHED', 'per-buyer limit', message),
  // The default address was removed between reading it and placing the order.
  NO_ADDRESS: () => new AppError('NO_ADDRESS', 'default address removed during the tap'),
} as const;

function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return (error as { code?: unknown }).code === 'P2002' || text.includes('Order_buyerId_idempotencyKey_key');
}

/**
 * One tap on Buy during a live show. Uses the buyer's default address and card.
 * The same idempotency key always yields the same single order and a single charge.
 * The atomic part (per-buyer limit, deal cap and end, conditional stock decrement,
 * order insert) is one call of the `place_show_order` SQL function, so stock can
 * never go below zero whatever the concurrency, and a storm costs two round trips
 * per tap.
 */
export async function placeShowOrder(db: Db, payments: PaymentProvider, buyer: Actor, request: ShowPurchaseRequest): Promise<PlacedOrder> {
  const tapKey = `${buyer.userId}:${request.idempotencyKey}`;
  const retry = recentTaps.has(tapKey);
  if (!retry && !stockGate.admit(request.variantId, request.quantity)) throw new AppError('SOLD_OUT', `variant ${request.variantId} gated`);
  rememberTap(tapKey);
  const outcome: { stock: number | null } = { stock: null };
  try {
    return await placeAdmittedOrder(db, payments, buyer, request, outcome);
  } finally {
    if (!retry) stockGate.settle(request.variantId, request.quantity, outcome.stock);
  }
}

async function placeAdmittedOrder(db: Db, payments: PaymentProvider, buyer: Actor, request: ShowPurchaseRequest, outcome: { stock: number | null }): Promise<PlacedOrder> {
  const { showId, variantId, quantity, idempotencyKey, dealId = null } = request;
  const ctx = await loadPurchaseContext(db, buyer.userId, request);
  outcome.stock = ctx.stock;
  if (ctx.existingOrder) {
    const replay = await findOrderByKey(db, buyer.userId, idempotencyKey);
    if (replay) return replay;
  }
  if (!ctx.showStatus || !ctx.showBrandId || ctx.maxPerBuyer === null) throw new AppError('NOT_FOUND', `show ${showId} not found`, 'This show does not exist.');
  if (ctx.showStatus !== 'LIVE') throw new AppError('SHOW_NOT_LIVE', `show ${showId} is ${ctx.showStatus}`);
  if (!ctx.productId || ctx.productStatus !== 'ACTIVE' || ctx.priceMinor === null || ctx.stock === null) {
    throw new AppError('NOT_FOUND', `variant ${variantId} not found`, 'This product is no longer available.');
  }
  if (ctx.buyerName === null) throw new AppError('UNAUTHENTICATED', `user ${buyer.userId} no longer exists`);
  if (!ctx.inLineup || ctx.productBrandId !== ctx.showBrandId) throw new AppError('NOT_IN_LINEUP', `product ${ctx.productId} not in ${showId}`);
  if (!ctx.paymentMethodId || !ctx.cardToken) throw new AppError('NO_PAYMENT_METHOD', `user ${buyer.userId} has no default payment method`);
  if (!ctx.addressId) throw new AppError('NO_ADDRESS', `user ${buyer.userId} has no default address`);
  // A cheap early answer for the crowd that taps after the last unit went; the
  // conditional UPDATE in place_show_order stays the authority.
  if (ctx.stock < quantity) throw new AppError('SOLD_OUT', `variant ${variantId} has ${ctx.stock} left`);
  const limitMessage = `You can buy at most ${ctx.maxPerBuyer} of this product in this show.`;
  if (quantity > ctx.maxPerBuyer) throw new AppError('LIMIT_REACHED', `quantity ${quantity} over limit ${ctx.maxPerBuyer}`, limitMessage);
  let unitPriceMinor = ctx.priceMinor;
  if (dealId) {
    if (ctx.dealShowId !== showId || ctx.dealVariantId !== variantId || ctx.dealPriceMinor === null) throw new AppError('INVALID_INPUT', `deal ${dealId} does not match ${variantId}`);
    if (!ctx.dealOpen) throw new AppError('DEAL_ENDED', `deal ${dealId} ended`);
    unitPriceMinor = ctx.dealPriceMinor;
  }
  const currency = ctx.currency!;
  const variantName = ctx.variantName!;
  const productTitle = ctx.productTitle!;
  const subtotalMinor = unitPriceMinor * quantity;
  // Deal prices are item prices: shipping follows the brand's rule whatever the item cost.
  const shippingMinor = shippingFor(subtotalMinor, { shippingFlatMinor: ctx.shippingFlatMinor ?? 0, freeShippingOverMinor: ctx.freeShippingOverMinor });
  const totalMinor = subtotalMinor + shippingMinor;

  const authorization = await payments.authorize({ token: ctx.cardToken, amountMinor: totalMinor, currency, idempotencyKey: `${buyer.userId}:${idempotencyKey}` });
  if (!authorization.ok) throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for ${buyer.userId}`);

  const orderId = randomUUID();
  try {
    const [placed] = await db.$queryRaw<{ outcome: 'PLACED' | keyof typeof REFUSALS; orderNumber: number; stockAfter: number; dealSoldCount: number | null }[]>`
      SELECT * FROM "place_show_order"(
        ${orderId}, ${randomUUID()}, ${buyer.userId}, ${showId}, ${ctx.showBrandId}, ${ctx.productId}, ${variantId}, ${dealId},
        ${quantity}::int, ${unitPriceMinor}::int, ${currency}::char(3), ${ctx.maxPerBuyer}::int, ${idempotencyKey},
        ${ctx.addressId}, ${ctx.paymentMethodId}, ${authorization.reference}, ${`${productTitle} — ${variantName}`}, ${shippingMinor}::int)`;
    if (placed!.outcome !== 'PLACED') {
      if (placed!.outcome === 'SOLD_OUT') outcome.stock = 0;
      await payments.void(authorization.reference);
      throw REFUSALS[placed!.outcome](limitMessage);
    }
    outcome.stock = placed!.stockAfter;
    await payments.capture(authorization.reference);
    // Never throws: the order is placed and paid whatever happens to this row.
    await recordCapturedPayment(db, { orderId, provider: payments.name, reference: authorization.reference, amountMinor: totalMinor, currency });
    // Never throws either; its dedupe key is the order, so a retried tap sends no second receipt.
    await sendReceiptEmail(db, orderId);
    return {
      id: orderId,
      number: placed!.orderNumber,
      status: 'PAID',
      totalMinor,
      shippingMinor,
      currency,
      productId: ctx.productId,
      productTitle,
      variantId,
      variantName,
      quantity,
      stockAfter: placed!.stockAfter,
      buyerPublicName: publicBuyerName(ctx.buyerName),
      replayed: false,
      deal: dealId && placed!.dealSoldCount !== null ? { id: dealId, soldCount: placed!.dealSoldCount } : null,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isDuplicateKey(error)) {
      // A concurrent request with the same key won the race; its order is the answer.
      const winner = await findOrderByKey(db, buyer.userId, idempotencyKey);
      if (winner) return winner;
    }
    await payments.void(authorization.reference);
    throw error;
  }
}
