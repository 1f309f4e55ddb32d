import { AppError } from './errors';
import { publicBuyerName, type Actor, type Db } from './context';
import type { PaymentProvider } from './payments/provider';

export const MAX_QUANTITY_PER_TAP = 10;

export interface ShowPurchaseRequest {
  showId: string;
  variantId: string;
  quantity: number;
  idempotencyKey: string;
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
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

class SoldOut extends Error {}

/**
 * One tap on Buy during a live show. Uses the buyer's default address and card.
 * The same idempotency key always yields the same single order and a single charge.
 * Stock is taken with one conditional UPDATE inside the order transaction, so it
 * can never go below zero whatever the concurrency.
 */
export async function placeShowOrder(db: Db, payments: PaymentProvider, buyer: Actor, request: ShowPurchaseRequest): Promise<PlacedOrder> {
  const { showId, variantId, quantity, idempotencyKey } = request;
  const replay = await findOrderByKey(db, buyer.userId, idempotencyKey);
  if (replay) return replay;

  const [show, variant, user] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { status: true, brandId: true } }),
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

  const totalMinor = variant.priceMinor * quantity;
  const authorization = await payments.authorize({
    token: card.token,
    amountMinor: totalMinor,
    currency: variant.currency,
    idempotencyKey: `${buyer.userId}:${idempotencyKey}`,
  });
  if (!authorization.ok) throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for ${buyer.userId}`);

  try {
    const created = await db.$transaction(async (tx) => {
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
            create: { variantId, title: `${variant.product.title} — ${variant.name}`, quantity, unitPriceMinor: variant.priceMinor, currency: variant.currency },
          },
        },
        select: { id: true, number: true, status: true },
      });
      return { order, stockAfter };
    });
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
    };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // A concurrent request with the same key won the race; its order is the answer.
      const winner = await findOrderByKey(db, buyer.userId, idempotencyKey);
      if (winner) return winner;
    }
    await payments.void(authorization.reference);
    if (error instanceof SoldOut) throw new AppError('SOLD_OUT', `variant ${variantId} sold out`);
    throw error;
  }
}
