import { AppError } from './errors';
import { publicBuyerName, type Actor, type Db } from './context';
import type { PaymentProvider } from './payments/provider';

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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

const ORDER_TX_MAX_WAIT_MS = 15_000;
const ORDER_TX_TIMEOUT_MS = 5_000;

// Thrown inside the order transaction to roll it back; mapped to AppErrors outside.
class SoldOut extends Error {}
class DealGone extends Error {}
class OverLimit extends Error {}

/**
 * One tap on Buy during a live show. Uses the buyer's default address and card.
 * The same idempotency key always yields the same single order and a single charge.
 * Stock is taken with one conditional UPDATE inside the order transaction, so it
 * can never go below zero whatever the concurrency.
 */
export async function placeShowOrder(db: Db, payments: PaymentProvider, buyer: Actor, request: ShowPurchaseRequest): Promise<PlacedOrder> {
  const { showId, variantId, quantity, idempotencyKey, dealId = null } = request;
  const replay = await findOrderByKey(db, buyer.userId, idempotencyKey);
  if (replay) return replay;

  const [show, variant, user] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { status: true, brandId: true, maxPerBuyer: true } }),
    db.productVariant.findUnique({
      where: { id: variantId },
      select: { id: true, name: true, priceMinor: true, currency: true, stock: true, product: { select: { id: true, title: true, brandId: true, status: true } } },
    }),
    db.user.findUnique({
      where: { id: buyer.userId },
      select: {
        name: true,
        addresses: { where: { isDefault: true }, select: { id: true }, take: 1 },
        paymentMethods: { where: { isDefault: true }, select: { id: true, token: true }, take: 1 },
      },
    }),
  ]);
  if (!show) throw new AppError('NOT_FOUND', `show ${showId} not found`, 'This show does not exist.');
  if (show.status !== 'LIVE') throw new AppError('SHOW_NOT_LIVE', `show ${showId} is ${show.status}`);
  if (!variant || variant.product.status !== 'ACTIVE') throw new AppError('NOT_FOUND', `variant ${variantId} not found`, 'This product is no longer available.');
  if (!user) throw new AppError('UNAUTHENTICATED', `user ${buyer.userId} no longer exists`);
  const inLineup = await db.showProduct.findUnique({
    where: { showId_productId: { showId, productId: variant.product.id } },
    select: { productId: true },
  });
  if (!inLineup || variant.product.brandId !== show.brandId) throw new AppError('NOT_IN_LINEUP', `product ${variant.product.id} not in ${showId}`);
  const address = user.addresses[0];
  const card = user.paymentMethods[0];
  if (!card) throw new AppError('NO_PAYMENT_METHOD', `user ${buyer.userId} has no default payment method`);
  if (!address) throw new AppError('NO_ADDRESS', `user ${buyer.userId} has no default address`);
  // A cheap early answer for the crowd that taps after the last unit went; the
  // conditional UPDATE below stays the authority.
  if (variant.stock < quantity) throw new AppError('SOLD_OUT', `variant ${variantId} has ${variant.stock} left`);
  if (quantity > show.maxPerBuyer) throw new AppError('LIMIT_REACHED', `quantity ${quantity} over limit ${show.maxPerBuyer}`, `You can buy at most ${show.maxPerBuyer} of this product in this show.`);
  let unitPriceMinor = variant.priceMinor;
  if (dealId) {
    const deal = await db.flashDeal.findUnique({ where: { id: dealId }, select: { showId: true, variantId: true, priceMinor: true, endsAt: true, endedAt: true } });
    if (!deal || deal.showId !== showId || deal.variantId !== variantId) throw new AppError('INVALID_INPUT', `deal ${dealId} does not match ${variantId}`);
    if (deal.endedAt || deal.endsAt <= new Date()) throw new AppError('DEAL_ENDED', `deal ${dealId} ended`);
    unitPriceMinor = deal.priceMinor;
  }

  const totalMinor = unitPriceMinor * quantity;
  const authorization = await payments.authorize({
    token: card.token,
    amountMinor: totalMinor,
    currency: variant.currency,
    idempotencyKey: `${buyer.userId}:${idempotencyKey}`,
  });
  if (!authorization.ok) throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for ${buyer.userId}`);

  try {
    const created = await db.$transaction(async (tx) => {
      // One buyer's taps in one show queue here, so two quick taps cannot both pass the limit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${buyer.userId}:${showId}`}, 0))`;
      const [bought] = await tx.$queryRaw<{ units: number }[]>`
        SELECT COALESCE(SUM(i."quantity"), 0)::int AS units
          FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" JOIN "ProductVariant" v ON v."id" = i."variantId"
         WHERE o."buyerId" = ${buyer.userId} AND o."showId" = ${showId} AND v."productId" = ${variant.product.id}
           AND o."status" NOT IN ('CANCELLED', 'REFUNDED')`;
      if ((bought?.units ?? 0) + quantity > show.maxPerBuyer) throw new OverLimit();
      let deal: { id: string; soldCount: number } | null = null;
      if (dealId) {
        // The deal's end time and cap are enforced by the same kind of conditional UPDATE as stock.
        const [row] = await tx.$queryRaw<{ soldCount: number }[]>`
          UPDATE "FlashDeal" SET "soldCount" = "soldCount" + ${quantity}
           WHERE "id" = ${dealId} AND "endedAt" IS NULL AND "endsAt" > now()
             AND ("quantityCap" IS NULL OR "soldCount" + ${quantity} <= "quantityCap")
          RETURNING "soldCount"`;
        if (!row) throw new DealGone();
        deal = { id: dealId, soldCount: row.soldCount };
      }
      const taken = await tx.$queryRaw<{ stock: number }[]>`
        UPDATE "ProductVariant" SET "stock" = "stock" - ${quantity}
        WHERE "id" = ${variantId} AND "stock" >= ${quantity}
        RETURNING "stock"`;
      const stockAfter = taken[0]?.stock;
      if (stockAfter === undefined) throw new SoldOut();
      const order = await tx.order.create({
        data: {
          buyerId: buyer.userId,
          brandId: show.brandId,
          showId,
          status: 'PAID',
          totalMinor,
          currency: variant.currency,
          idempotencyKey,
          addressId: address.id,
          paymentMethodId: card.id,
          paymentRef: authorization.reference,
          items: {
            create: { variantId, dealId, title: `${variant.product.title} — ${variant.name}`, quantity, unitPriceMinor, currency: variant.currency },
          },
        },
        select: { id: true, number: true, status: true },
      });
      return { order, stockAfter, deal };
      // In a purchase storm hundreds of taps queue for the pool's connections; the
      // transaction itself is short, so waiting for a connection is the right answer.
    }, { maxWait: ORDER_TX_MAX_WAIT_MS, timeout: ORDER_TX_TIMEOUT_MS });
    await payments.capture(authorization.reference);
    return {
      ...created.order,
      totalMinor,
      currency: variant.currency,
      productId: variant.product.id,
      productTitle: variant.product.title,
      variantId,
      variantName: variant.name,
      quantity,
      stockAfter: created.stockAfter,
      buyerPublicName: publicBuyerName(user.name),
      replayed: false,
      deal: created.deal,
    };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // A concurrent request with the same key won the race; its order is the answer.
      const winner = await findOrderByKey(db, buyer.userId, idempotencyKey);
      if (winner) return winner;
    }
    await payments.void(authorization.reference);
    if (error instanceof SoldOut) throw new AppError('SOLD_OUT', `variant ${variantId} sold out`);
    if (error instanceof DealGone) throw new AppError('DEAL_ENDED', `deal ${dealId} ended or capped`, 'This deal has ended or sold out.');
    if (error instanceof OverLimit) throw new AppError('LIMIT_REACHED', `buyer ${buyer.userId} over ${show.maxPerBuyer}`, `You can buy at most ${show.maxPerBuyer} of this product in this show.`);
    throw error;
  }
}
