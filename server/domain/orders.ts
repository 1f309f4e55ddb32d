import { randomUUID } from 'node:crypto';
import { emailJobRow } from '../mail/outbox';
import { WEBHOOK_MAX_ATTEMPTS } from './brand-events';
import { publicBuyerName, type Actor, type Db } from './context';
import { AppError } from './errors';
import { receiptEmail } from './order-emails';
import { shippingAddressOf, type ShippingAddressColumns } from './order-address';
import type { PaymentProvider } from './payments/provider';
import { refundKey } from './payments/refund-apply';
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
  /** Units of this product the buyer now has in this show, and the show's per-buyer limit; null on a replay. */
  bought: { units: number; max: number } | null;
}

/** What reserve_show_order answers (migration 20261206020000_one_tap_reserve_confirm). */
type Reservation =
  | ({ outcome: 'RESERVED' } & OrderFacts)
  | ({ outcome: 'REPLAY' } & OrderFacts)
  | { outcome: 'SOLD_OUT'; stock: number }
  | { outcome: 'LIMIT_REACHED'; maxPerBuyer: number }
  | { outcome: 'SHOW_NOT_LIVE'; showStatus: string }
  | { outcome: 'NOT_IN_LINEUP'; productId: string }
  | {
      outcome:
        'SHOW_NOT_FOUND' | 'VARIANT_NOT_FOUND' | 'UNAUTHENTICATED' | 'NO_PAYMENT_METHOD' | 'NO_ADDRESS' | 'DEAL_MISMATCH' | 'DEAL_ENDED';
    };

interface OrderFacts extends ShippingAddressColumns {
  orderId: string;
  orderNumber: number;
  orderStatus: string;
  brandId: string;
  brandName: string;
  showId: string | null;
  productId: string;
  productTitle: string;
  variantId: string;
  variantName: string;
  quantity: number;
  unitPriceMinor: number;
  dealId: string | null;
  /** Only on RESERVED with a deal: the deal's units sold after this one. */
  dealSoldCount?: number | null;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  currency: string;
  buyerName: string;
  buyerEmail: string;
  buyerDeleted: boolean;
  cardToken: string | null;
  /** RESERVED: stock right after this order; REPLAY: stock now. */
  stockAfter?: number;
  stock?: number;
  /** Only on RESERVED (migration 20261206090000): the buyer's units of this product in this show, this order included. */
  boughtUnits?: number;
  maxPerBuyer?: number;
}

function refusal(
  reservation: Exclude<Reservation, { outcome: 'RESERVED' | 'REPLAY' }>,
  request: ShowPurchaseRequest,
  buyerId: string,
): AppError {
  const { showId, variantId, dealId } = request;
  switch (reservation.outcome) {
    case 'SOLD_OUT':
      return new AppError('SOLD_OUT', `variant ${variantId} has ${reservation.stock} left`);
    case 'LIMIT_REACHED':
      return new AppError('LIMIT_PER_BUYER', { max: reservation.maxPerBuyer }, `over limit ${reservation.maxPerBuyer}`);
    case 'SHOW_NOT_FOUND':
      return new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
    case 'SHOW_NOT_LIVE':
      return new AppError('SHOW_NOT_LIVE', `show ${showId} is ${reservation.showStatus}`);
    case 'VARIANT_NOT_FOUND':
      return new AppError('PRODUCT_GONE', `variant ${variantId} not found`);
    case 'UNAUTHENTICATED':
      return new AppError('UNAUTHENTICATED', `user ${buyerId} no longer exists`);
    case 'NOT_IN_LINEUP':
      return new AppError('NOT_IN_LINEUP', `product ${reservation.productId} not in ${showId}`);
    case 'NO_PAYMENT_METHOD':
      return new AppError('NO_PAYMENT_METHOD', `user ${buyerId} has no default payment method`);
    case 'NO_ADDRESS':
      return new AppError('NO_ADDRESS', `user ${buyerId} has no default address`);
    case 'DEAL_MISMATCH':
      return new AppError('INVALID_INPUT', `deal ${dealId} does not match ${variantId}`);
    case 'DEAL_ENDED':
      return new AppError('DEAL_OVER', `deal ${dealId} ended or capped`);
    default: {
      const unreachable: never = reservation;
      return new AppError('INTERNAL', `unknown reservation ${JSON.stringify(unreachable)}`);
    }
  }
}

// Taps this process has handled, so a retry of one (a lost acknowledgement) always
// reaches the database and gets its order back instead of a gate refusal.
const recentTaps = new Set<string>();
const RECENT_TAPS_KEPT = 100_000;

function rememberTap(tapKey: string): void {
  recentTaps.add(tapKey);
  if (recentTaps.size > RECENT_TAPS_KEPT) recentTaps.delete(recentTaps.values().next().value!);
}

// A retry that arrives while its first tap is still being paid for waits for
// that tap instead of starting its own: one order, one authorization, one capture.
const tapsInFlight = new Map<string, Promise<PlacedOrder>>();

/**
 * One tap on Buy during a live show. Uses the buyer's default address and card.
 * The same idempotency key always yields the same single order and a single charge.
 *
 * Reserve, charge, confirm: `reserve_show_order` checks everything, takes the deal
 * unit and the stock with conditional updates (never below zero, whatever the
 * concurrency) and writes the order as PLACED; then the payment is authorised and
 * captured; then `confirm_show_order` makes it PAID and writes the Payment row, the
 * timeline row, the order.created and order.paid events with their webhooks and the
 * receipt job in the same transaction. Two database round trips for a sold tap, one
 * for a refused one, and nothing durable left to do after the answer. A refused tap
 * never reaches the payment provider; a payment that fails gives the reservation back
 * (`release_show_order`) and no order is left. See docs/architecture.md.
 */
export async function placeShowOrder(db: Db, payments: PaymentProvider, buyer: Actor, request: ShowPurchaseRequest): Promise<PlacedOrder> {
  const tapKey = `${buyer.userId}:${request.idempotencyKey}`;
  const running = tapsInFlight.get(tapKey);
  if (running) return running.then((order) => ({ ...order, stockAfter: null, replayed: true, deal: null, bought: null }));
  const retry = recentTaps.has(tapKey);
  if (!retry && !stockGate.admit(request.variantId, request.quantity)) throw new AppError('SOLD_OUT', `variant ${request.variantId} gated`);
  rememberTap(tapKey);
  const outcome: { stock: number | null } = { stock: null };
  const tap = placeAdmittedOrder(db, payments, buyer, request, outcome).finally(() => {
    tapsInFlight.delete(tapKey);
    if (!retry) stockGate.settle(request.variantId, request.quantity, outcome.stock);
  });
  tapsInFlight.set(tapKey, tap);
  return tap;
}

async function placeAdmittedOrder(
  db: Db,
  payments: PaymentProvider,
  buyer: Actor,
  request: ShowPurchaseRequest,
  outcome: { stock: number | null },
): Promise<PlacedOrder> {
  const { showId, variantId, quantity, idempotencyKey, dealId = null } = request;
  const [row] = await db.$queryRaw<{ r: Reservation }[]>`
    SELECT "reserve_show_order"(${randomUUID()}, ${randomUUID()}, ${buyer.userId}, ${showId}, ${variantId}, ${dealId}, ${quantity}::int, ${idempotencyKey}) AS r`;
  const reservation = row!.r;
  if (reservation.outcome !== 'RESERVED' && reservation.outcome !== 'REPLAY') {
    if (reservation.outcome === 'SOLD_OUT') outcome.stock = reservation.stock;
    throw refusal(reservation, request, buyer.userId);
  }
  if (reservation.outcome === 'RESERVED') outcome.stock = reservation.stockAfter ?? null;
  // A replay of a paid (or since cancelled) order answers with it; a replay of one
  // still PLACED is a tap whose payment was interrupted, and is finished now.
  if (reservation.outcome === 'REPLAY' && reservation.orderStatus !== 'PLACED') return answer(reservation, true);
  await chargeAndConfirm(db, payments, buyer, idempotencyKey, reservation);
  return answer(reservation, reservation.outcome === 'REPLAY');
}

async function chargeAndConfirm(db: Db, payments: PaymentProvider, buyer: Actor, idempotencyKey: string, order: OrderFacts): Promise<void> {
  if (!order.cardToken) {
    await release(db, order);
    throw new AppError('NO_PAYMENT_METHOD', `order ${order.orderId}'s card was removed while paying`);
  }
  // The same key as every earlier attempt at this tap: the provider answers it with the same authorization.
  const authorization = await payments.authorize({
    token: order.cardToken,
    amountMinor: order.totalMinor,
    currency: order.currency,
    idempotencyKey: `${buyer.userId}:${idempotencyKey}`,
  });
  if (!authorization.ok) {
    await release(db, order);
    throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for ${buyer.userId}`);
  }
  try {
    await payments.capture(authorization.reference);
  } catch (error) {
    // Either way the order does not become PAID. Refused for certain: the
    // reservation goes back. Any other failure (a provider that did not answer)
    // may have captured after all: the order stays PLACED with its units, and a
    // retry with the same key finds out (capture again is a no-op once captured).
    if (error instanceof AppError && error.code === 'PAYMENT_NOT_CAPTURABLE') {
      await payments.void(authorization.reference);
      await release(db, order);
    }
    throw error;
  }
  // The money is taken. If this statement fails the order stays PLACED with its
  // stock; the buyer's retry with the same key finds it and confirms it (the
  // provider answers the same authorization, already captured).
  const [confirmed] = await db.$queryRaw<{ r: { outcome: string } }[]>`
    SELECT "confirm_show_order"(${order.orderId}, ${payments.name}, ${authorization.reference},
      ${createdEvent(order)}::jsonb, ${paidEvent(order, payments.name, authorization.reference)}::jsonb, ${WEBHOOK_MAX_ATTEMPTS + 1}::int,
      ${receiptJob(order, buyer.locale ?? null)}::jsonb) AS r`;
  const result = confirmed!.r.outcome;
  if (result === 'PAID') return;
  // Cancelled by the brand or the buyer between the reservation and now: the money goes back.
  await payments.refund({
    reference: authorization.reference,
    amountMinor: order.totalMinor,
    idempotencyKey: refundKey(order.orderId, 'unconfirmed'),
  });
  throw new AppError('CANCELLED_WHILE_PAYING', `order ${order.orderId} was ${result} before its payment was confirmed; refunded`);
}

async function release(db: Db, order: OrderFacts): Promise<void> {
  const [row] = await db.$queryRaw<{ r: { outcome: string; stock?: number } }[]>`SELECT "release_show_order"(${order.orderId}) AS r`;
  if (row!.r.outcome !== 'RELEASED') console.error('one-tap reservation not released', { orderId: order.orderId, outcome: row!.r.outcome });
  stockGate.forget(order.variantId);
}

function createdEvent(order: OrderFacts): string {
  return JSON.stringify({
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    source: 'ONE_TAP',
    showId: order.showId,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    discountMinor: 0,
    totalMinor: order.totalMinor,
    couponCode: null,
    items: [{ variantId: order.variantId, productId: order.productId, quantity: order.quantity, unitPriceMinor: order.unitPriceMinor }],
  });
}

function paidEvent(order: OrderFacts, provider: string, reference: string): string {
  return JSON.stringify({
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    amountMinor: order.totalMinor,
    currency: order.currency,
    provider,
    reference,
  });
}

/** The receipt's job row, written by confirm_show_order; none for an account deleted meanwhile. */
function receiptJob(order: OrderFacts, locale: string | null): string | null {
  if (order.buyerDeleted) return null;
  try {
    return JSON.stringify(
      emailJobRow(
        receiptEmail({
          id: order.orderId,
          number: order.orderNumber,
          currency: order.currency,
          subtotalMinor: order.subtotalMinor,
          shippingMinor: order.shippingMinor,
          discountMinor: 0,
          totalMinor: order.totalMinor,
          buyer: { name: order.buyerName, email: order.buyerEmail, locale },
          brand: { name: order.brandName },
          items: [
            { title: `${order.productTitle} — ${order.variantName}`, quantity: order.quantity, unitPriceMinor: order.unitPriceMinor },
          ],
          address: shippingAddressOf(order),
        }),
      ),
    );
  } catch (error) {
    // A receipt that cannot be written (an address the email schema refuses) must not refuse a paid order.
    console.error('receipt email not queued', { orderId: order.orderId, error });
    return null;
  }
}

function answer(order: OrderFacts, replayed: boolean): PlacedOrder {
  return {
    id: order.orderId,
    number: order.orderNumber,
    status: replayed && order.orderStatus !== 'PLACED' ? order.orderStatus : 'PAID',
    totalMinor: order.totalMinor,
    shippingMinor: order.shippingMinor,
    currency: order.currency,
    productId: order.productId,
    productTitle: order.productTitle,
    variantId: order.variantId,
    variantName: order.variantName,
    quantity: order.quantity,
    stockAfter: replayed ? null : (order.stockAfter ?? null),
    buyerPublicName: publicBuyerName(order.buyerName),
    replayed,
    deal: !replayed && order.dealId && order.dealSoldCount != null ? { id: order.dealId, soldCount: order.dealSoldCount } : null,
    bought:
      !replayed && order.boughtUnits != null && order.maxPerBuyer != null ? { units: order.boughtUnits, max: order.maxPerBuyer } : null,
  };
}
