// The one way an order is placed, for one tap and the bag alike: a one-tap
// purchase is an order of one line. With a real payment provider: reserve (one
// statement: every rule, the stock, the order as PLACED), charge (one provider
// call), confirm (one statement: PAID and everything that follows it). With a
// provider that settles in process (the built-in test provider's InlineCharge),
// one statement does all of it and the provider is told afterwards. The rules
// live in the SQL function reserve_order (migrations 20261207140000_order_pipeline
// and 20261208140000_one_statement_purchase); this module only calls it, charges,
// and turns its answers into orders or refusals.
import { randomUUID } from 'node:crypto';
import { rawQuery } from '../../db/raw';
import { reserveInBatch, reserveOne, type TapReservation } from './order-batches';
import { emailJobRow } from '../../mail/outbox';
import { WEBHOOK_MAX_ATTEMPTS } from '../events';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { announceStock } from './order-announcements';
import { receiptEmail } from './order-emails';
import { shippingAddressOf, type ShippingAddressColumns } from './order-address';
import type { PaymentProvider } from '../payments';
import { refundKey } from '../payments';

// GIVEAWAY: a prize order at price 0 (prize-order.ts), never charged.
export type OrderSource = 'ONE_TAP' | 'BAG' | 'AUCTION' | 'GIVEAWAY';

export interface OrderLineRequest {
  variantId: string;
  quantity: number;
  /** The flash deal whose price the buyer saw; without it the regular price applies. */
  dealId?: string | null;
  /** The auction this buyer was awarded: the line costs the awarded price (server/domain/auctions). */
  auctionId?: string | null;
}

export interface PlaceOrderRequest {
  showId: string;
  source: OrderSource;
  lines: readonly OrderLineRequest[];
  idempotencyKey: string;
  /** Upper-cased and trimmed (couponCodeSchema), or null. */
  couponCode?: string | null;
  /** The total the buyer agreed to: a higher one is refused (PRICE_CHANGED) before anything is taken. */
  expectedTotalMinor?: number | null;
  /**
   * May share a statement and commit with other taps on its variant (order-batches.ts). Only a
   * one-line order the in-process provider settles is ever batched; anything else goes alone.
   */
  groupCommit?: boolean;
}

export interface OrderLineFacts {
  variantId: string;
  variantName: string;
  productId: string;
  productTitle: string;
  quantity: number;
  unitPriceMinor: number;
  dealId: string | null;
}

/** An order as reserve_order or order_answer describe it. */
export interface OrderFacts extends ShippingAddressColumns {
  orderId: string;
  orderNumber: number;
  orderStatus: string;
  source: OrderSource;
  brandId: string;
  brandName: string;
  showId: string | null;
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  totalMinor: number;
  currency: string;
  couponCode: string | null;
  buyerName: string;
  buyerEmail: string;
  buyerDeleted: boolean;
  cardToken: string | null;
  lines: OrderLineFacts[];
  /** Only when this request reserved: each variant's stock right after it. */
  stockAfter?: { variantId: string; productId: string; stock: number }[];
  /** Only when this request reserved: the deals it took units from, with their units sold after it. */
  deals?: { id: string; soldCount: number }[];
  /** Only when this request reserved: the buyer's units of the first line's product in this show, this order included. */
  boughtUnits?: number;
  maxPerBuyer?: number;
}

/** Why reserve_order would not place the order; every one an expected answer, never an exception. */
export type OrderRefusal =
  | { outcome: 'SOLD_OUT'; stock: number; variantId: string }
  | { outcome: 'LIMIT_REACHED'; maxPerBuyer: number; productId: string; variantId: string }
  | { outcome: 'SHOW_NOT_LIVE'; showStatus: string }
  /** An ended show without a READY recording: there is no replay to buy from. */
  | { outcome: 'NO_REPLAY'; showStatus: string }
  | { outcome: 'NOT_IN_LINEUP'; productId: string; variantId: string }
  | { outcome: 'VARIANT_NOT_FOUND' | 'INVALID_QUANTITY' | 'DEAL_MISMATCH' | 'DEAL_ENDED' | 'AUCTION_NOT_AWARDED'; variantId: string }
  | { outcome: 'PRICE_CHANGED'; totalMinor: number; expectedTotalMinor: number }
  | {
      outcome: 'COUPON_INVALID';
      reason:
        'UNKNOWN' | 'INACTIVE' | 'NOT_STARTED' | 'EXPIRED' | 'USED_UP' | 'OTHER_SHOW' | 'BELOW_MINIMUM' | 'USED_BY_BUYER' | 'JUST_USED_UP';
      code: string;
      minSubtotalMinor?: number;
      currency?: string;
    }
  | { outcome: 'SHOW_NOT_FOUND' | 'UNAUTHENTICATED' | 'NO_PAYMENT_METHOD' | 'NO_ADDRESS' | 'EMPTY' };

/** PAID: placed and paid in the same statement (an inline charge), with the reference it was paid under. */
type Reserved = ({ outcome: 'RESERVED' | 'REPLAY' } | { outcome: 'PAID'; paymentReference: string }) & OrderFacts;
type Reservation = Reserved | OrderRefusal;

const isReserved = (r: Reservation): r is Reserved => r.outcome === 'RESERVED' || r.outcome === 'REPLAY' || r.outcome === 'PAID';

/** How the caller words a refusal for its buyer; the pipeline's own wording applies where it answers nothing. */
export type RefusalWording = (refusal: OrderRefusal, request: PlaceOrderRequest) => AppError | undefined;

export interface PlacedOrderResult {
  order: OrderFacts;
  /** PAID, or the status a replayed order has now. */
  status: string;
  /** True when this request repeated an idempotency key: nothing new was created or charged. */
  replayed: boolean;
}

/** What a refusal means when the caller has nothing better to say. */
export function refusalError(refusal: OrderRefusal, request: PlaceOrderRequest, buyerId: string): AppError {
  const { showId } = request;
  switch (refusal.outcome) {
    case 'SOLD_OUT':
      return new AppError('SOLD_OUT', `variant ${refusal.variantId} has ${refusal.stock} left`);
    case 'LIMIT_REACHED':
      return new AppError('LIMIT_PER_BUYER', { max: refusal.maxPerBuyer }, `over limit ${refusal.maxPerBuyer}`);
    case 'SHOW_NOT_FOUND':
      return new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
    case 'SHOW_NOT_LIVE':
      return new AppError('SHOW_NOT_LIVE', `show ${showId} is ${refusal.showStatus}`);
    case 'NO_REPLAY':
      return new AppError('NO_REPLAY', `show ${showId} ended without a ready recording`);
    case 'VARIANT_NOT_FOUND':
      return new AppError('PRODUCT_GONE', `variant ${refusal.variantId} not found`);
    case 'INVALID_QUANTITY':
      return new AppError('INVALID_INPUT', `quantity for ${refusal.variantId} below 1`);
    case 'UNAUTHENTICATED':
      return new AppError('UNAUTHENTICATED', `user ${buyerId} no longer exists`);
    case 'NOT_IN_LINEUP':
      return new AppError('NOT_IN_LINEUP', `product ${refusal.productId} not in ${showId}`);
    case 'NO_PAYMENT_METHOD':
      return new AppError('NO_PAYMENT_METHOD', `user ${buyerId} has no default payment method`);
    case 'NO_ADDRESS':
      return new AppError('NO_ADDRESS', `user ${buyerId} has no default address`);
    case 'DEAL_MISMATCH':
      return new AppError('INVALID_INPUT', `deal does not match ${refusal.variantId}`);
    case 'DEAL_ENDED':
      return new AppError('DEAL_OVER', `deal on ${refusal.variantId} ended or capped`);
    case 'AUCTION_NOT_AWARDED':
      return new AppError('AUCTION_ENDED', `auction line of ${refusal.variantId} not awarded to ${buyerId}`);
    case 'PRICE_CHANGED':
      return new AppError('PRICE_CHANGED', `total ${refusal.totalMinor} over the ${refusal.expectedTotalMinor} the buyer saw`);
    case 'COUPON_INVALID':
      return new AppError('COUPON_INVALID', `coupon ${refusal.code}: ${refusal.reason}`);
    case 'EMPTY':
      return new AppError('BAG_EMPTY', 'an order without lines');
    default: {
      const unreachable: never = refusal;
      return new AppError('INTERNAL', `unknown refusal ${JSON.stringify(unreachable)}`);
    }
  }
}

// A retry that arrives while its first request is still being paid for waits for
// it instead of starting its own: one order, one authorization, one capture.
const inFlight = new Map<string, Promise<PlacedOrderResult>>();

/**
 * Places an order: the same idempotency key always yields the same single order
 * and a single charge. A sold order costs one statement before it is answered when
 * the provider settles in process (InlineCharge) and two otherwise; a refused one
 * costs one, and a refused one never reaches the payment provider.
 * A payment that fails gives the reservation back (release_order): no order is
 * left and the units return. Nothing durable is left to do after the answer.
 */
export async function placeOrder(
  db: Db,
  payments: PaymentProvider,
  buyer: Actor,
  request: PlaceOrderRequest,
  wording?: RefusalWording,
): Promise<PlacedOrderResult> {
  const key = `${buyer.userId}:${request.idempotencyKey}`;
  const running = inFlight.get(key);
  if (running) return running.then((placed) => ({ ...placed, replayed: true }));
  const placing = reserveAndPay(db, payments, buyer, request, wording).finally(() => inFlight.delete(key));
  inFlight.set(key, placing);
  return placing;
}

async function reserveAndPay(
  db: Db,
  payments: PaymentProvider,
  buyer: Actor,
  request: PlaceOrderRequest,
  wording?: RefusalWording,
): Promise<PlacedOrderResult> {
  const paymentKey = `${buyer.userId}:${request.idempotencyKey}`;
  // The show's brand decides who takes the money (a brand on Stripe, or the built-in test provider).
  const provider = payments.resolve ? await payments.resolve({ showId: request.showId }) : payments;
  const reservation = await reserve(db, buyer, request, inlineCharge(provider, paymentKey, buyer.locale ?? null), wording);
  if (reservation.outcome === 'PAID') {
    await recordInlineCharge(provider, paymentKey, reservation, reservation.paymentReference);
    return { order: reservation, status: 'PAID', replayed: false };
  }
  const replayed = reservation.outcome === 'REPLAY';
  // A replay of a paid (or since cancelled) order answers with it; a replay of one
  // still PLACED is a request whose payment was interrupted, and is finished now.
  if (replayed && reservation.orderStatus !== 'PLACED') return { order: reservation, status: reservation.orderStatus, replayed };
  try {
    await chargeAndConfirm(db, provider, buyer, paymentKey, reservation);
  } catch (error) {
    // Waiting for 3-D Secure, the order holds its units: the show's stock says so now (the sale follows once finished).
    if (!replayed && error instanceof AppError && error.reason === 'PAYMENT_AUTHENTICATION_REQUIRED')
      await announceStock(
        db,
        reservation.lines.map((l) => l.variantId),
      );
    throw error;
  }
  return { order: reservation, status: 'PAID', replayed };
}

/**
 * Reserves an order that the buyer pays afterwards by a bank QR code (server/domain/qr-payments):
 * the same reserve_order, told {"qr": true} so it needs no saved card and never charges one. The
 * order stays PLACED with its units until the QR payment confirms it (confirmOrder) or expires
 * (releaseOrder). The same key answers the same order (replayed).
 */
export async function reserveForQr(db: Db, buyer: Actor, request: PlaceOrderRequest, wording?: RefusalWording): Promise<PlacedOrderResult> {
  const reservation = await reserve(db, buyer, request, JSON.stringify({ qr: true }), wording);
  return { order: reservation, status: reservation.orderStatus, replayed: reservation.outcome === 'REPLAY' };
}

/**
 * One reserve_order call, or, for a one-tap request that asks for it and pays inline, a place in its
 * variant's next batch (order-batches.ts: the same reserve_order per tap, one statement and commit per
 * batch). A refusal throws its typed error either way.
 */
async function reserve(
  db: Db,
  buyer: Actor,
  request: PlaceOrderRequest,
  inline: string | null,
  wording?: RefusalWording,
): Promise<Reserved> {
  const lines = request.lines.map((l) => ({
    variantId: l.variantId,
    quantity: l.quantity,
    dealId: l.dealId ?? null,
    ...(l.auctionId ? { auctionId: l.auctionId } : {}),
  }));
  const tap: TapReservation = {
    orderId: randomUUID(),
    buyerId: buyer.userId,
    showId: request.showId,
    source: request.source,
    lines,
    idempotencyKey: request.idempotencyKey,
    couponCode: request.couponCode ?? null,
    expectedTotalMinor: request.expectedTotalMinor ?? null,
    inline,
  };
  // Only a tap settled in the statement itself: with a provider call after the reservation (Stripe),
  // the answer waits on the provider anyway, and a batch would hold the variant's lock through none of it.
  const line = lines[0];
  const batched = request.groupCommit === true && inline !== null && lines.length === 1 && line !== undefined;
  const reservation = (
    batched
      ? await reserveInBatch(db, `${line.variantId}:${line.dealId ?? ''}`, tap, { sharedRowPerTap: line.dealId !== null })
      : await reserveOne(db, tap)
  ) as Reservation;
  if (!isReserved(reservation)) throw wording?.(reservation, request) ?? refusalError(reservation, request, buyer.userId);
  return reservation;
}

/** reserve_order's p_inline: how to pay in the same statement, or null when this charge must go to the provider first. */
function inlineCharge(payments: PaymentProvider, paymentKey: string, locale: string | null): string | null {
  const reference = payments.inlineCharge?.reference(paymentKey);
  if (!payments.inlineCharge || !reference) return null;
  return JSON.stringify({
    provider: payments.name,
    reference,
    tokens: payments.inlineCharge.certainTokens,
    locale,
    webhookAttempts: WEBHOOK_MAX_ATTEMPTS + 1,
  });
}

/**
 * Tells an in-process provider about the charge the database has already
 * recorded as captured: the same authorization and capture a reserved order
 * gets, which it settles for certain for this card (InlineCharge).
 */
async function recordInlineCharge(payments: PaymentProvider, paymentKey: string, order: OrderFacts, reference: string): Promise<void> {
  try {
    const authorization = await payments.authorize({
      token: order.cardToken ?? '',
      amountMinor: order.totalMinor,
      currency: order.currency,
      idempotencyKey: paymentKey,
    });
    if (!authorization.ok || authorization.reference !== reference) throw new Error(`authorized as ${JSON.stringify(authorization)}`);
    await payments.capture(reference);
  } catch (error) {
    // The order is paid in our rows, which are the truth about money (provider.ts); the buyer is answered as such.
    console.error('inline charge not recorded by the provider', { orderId: order.orderId, reference, error });
  }
}

/**
 * Charges a reserved order and confirms it. `paymentKey` is the same for every
 * attempt at this order, so the provider answers a retry with the same
 * authorization. Also used by the sweeper to finish an order whose charge went
 * through before its process died.
 */
export async function chargeAndConfirm(
  db: Db,
  payments: PaymentProvider,
  buyer: Pick<Actor, 'locale'>,
  paymentKey: string,
  order: OrderFacts,
): Promise<void> {
  if (!order.cardToken) {
    await releaseOrder(db, order.orderId);
    throw new AppError('NO_PAYMENT_METHOD', `order ${order.orderId}'s card was removed while paying`);
  }
  const authorization = await payments.authorize({
    token: order.cardToken,
    amountMinor: order.totalMinor,
    currency: order.currency,
    idempotencyKey: paymentKey,
    orderId: order.orderId,
    // Every payment key starts with the buyer's id (reserveAndPay, the sweeper).
    buyerId: paymentKey.slice(0, paymentKey.indexOf(':')),
  });
  // The bank asks the buyer to authenticate: the order keeps its units (PLACED) while they do, and the
  // provider's webhook or the buyer's return finishes it; the sweeper gives it back if nobody does.
  if (!authorization.ok && authorization.reason === 'action_required')
    throw new AppError('PAYMENT_AUTHENTICATION_REQUIRED', `order ${order.orderId} waits for 3-D Secure on ${authorization.reference}`);
  if (!authorization.ok) {
    await releaseOrder(db, order.orderId);
    if (authorization.reason === 'card_not_accepted')
      throw new AppError('CARD_NOT_ACCEPTED_HERE', `order ${order.orderId}: no card of the buyer in ${payments.name}`);
    throw new AppError('PAYMENT_DECLINED', `payment ${authorization.reason} for order ${order.orderId}`);
  }
  try {
    await payments.capture(authorization.reference);
  } catch (error) {
    // Either way the order does not become PAID. Refused for certain: the
    // reservation goes back. Any other failure (a provider that did not answer)
    // may have captured after all: the order stays PLACED with its units, and a
    // retry with the same key (or the sweeper) finds out.
    if (error instanceof AppError && error.code === 'PAYMENT_NOT_CAPTURABLE') {
      await payments.void(authorization.reference);
      await releaseOrder(db, order.orderId);
    }
    throw error;
  }
  // The money is taken. If this statement fails the order stays PLACED with its
  // stock; the buyer's retry with the same key, or the sweeper, confirms it.
  const result = await confirmOrder(db, buyer, order, payments.name, authorization.reference);
  if (result === 'PAID') return;
  // Cancelled by the brand or the buyer between the reservation and now: the money goes back.
  await payments.refund({
    reference: authorization.reference,
    amountMinor: order.totalMinor,
    idempotencyKey: refundKey(order.orderId, 'unconfirmed'),
  });
  throw new AppError('CANCELLED_WHILE_PAYING', `order ${order.orderId} was ${result} before its payment was confirmed; refunded`);
}

/**
 * confirm_order: PAID, with its Payment row, timeline, order.created/order.paid
 * events and receipt, in one transaction. Answers PAID or the status the order
 * had instead. A prize order (zero total) is confirmed this way without a charge.
 */
export async function confirmOrder(
  db: Db,
  buyer: Pick<Actor, 'locale'>,
  order: OrderFacts,
  provider: string,
  reference: string,
): Promise<string> {
  const [confirmed] = await rawQuery<{ r: { outcome: string } }>(
    db,
    'SELECT "confirm_order"($1, $2, $3, $4::jsonb, $5::jsonb, $6::int, $7::jsonb) AS r',
    [
      order.orderId,
      provider,
      reference,
      createdEvent(order),
      paidEvent(order, provider, reference),
      WEBHOOK_MAX_ATTEMPTS + 1,
      receiptJob(order, buyer.locale ?? null),
    ],
  );
  return confirmed!.r.outcome;
}

/** Gives a reservation back (its units, deal units and coupon use); answers the variants' stock after. */
export async function releaseOrder(db: Db, orderId: string): Promise<{ variantId: string; stock: number }[]> {
  const [row] = await rawQuery<{ r: { outcome: string; stocks?: { variantId: string; stock: number }[] } }>(
    db,
    'SELECT "release_order"($1) AS r',
    [orderId],
  );
  if (row!.r.outcome !== 'RELEASED') {
    console.error('order reservation not released', { orderId, outcome: row!.r.outcome });
    return [];
  }
  const stocks = row!.r.stocks ?? [];
  // Units back from an expiry, a decline or a sweep: the shows featuring them are told, whoever released them.
  await announceStock(
    db,
    stocks.map((s) => s.variantId),
  );
  return stocks;
}

/** An existing order as the pipeline sees it (for the sweeper). */
export async function orderFacts(db: Db, orderId: string): Promise<OrderFacts | null> {
  const [row] = await rawQuery<{ r: OrderFacts | null }>(db, 'SELECT "order_answer"($1, $2) AS r', [orderId, 'EXISTING']);
  return row?.r ?? null;
}

function createdEvent(order: OrderFacts): string {
  return JSON.stringify({
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    source: order.source,
    showId: order.showId,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    discountMinor: order.discountMinor,
    totalMinor: order.totalMinor,
    couponCode: order.couponCode,
    items: order.lines.map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    })),
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

/** The receipt's job row, written by confirm_order; none for an account deleted meanwhile. */
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
          discountMinor: order.discountMinor,
          totalMinor: order.totalMinor,
          buyer: { name: order.buyerName, email: order.buyerEmail, locale },
          brand: { name: order.brandName },
          items: order.lines.map((l) => ({
            title: `${l.productTitle} — ${l.variantName}`,
            quantity: l.quantity,
            unitPriceMinor: l.unitPriceMinor,
          })),
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
