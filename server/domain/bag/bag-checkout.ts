import { lineName, loadBagLines, loadBagShow, type BagLine } from './bag-lines';
import { publicBuyerName, type Actor, type Db } from '../context';
import { couponCodeSchema } from '../coupons';
import { AppError } from '../errors';
import { currencyFormat } from '../money-format';
import { placeOrder, reserveForQr, type OrderRefusal, type PlacedOrderResult, type RefusalWording } from '../orders';
import type { PaymentProvider } from '../payments';
import type { OrderTotals } from '../pricing';
import { stockGate } from '../catalog';

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

const COUPON_REASONS = {
  INACTIVE: 'COUPON_INACTIVE',
  NOT_STARTED: 'COUPON_NOT_YET',
  EXPIRED: 'COUPON_EXPIRED',
  USED_UP: 'COUPON_USED_UP',
  OTHER_SHOW: 'COUPON_OTHER_SHOW',
  USED_BY_BUYER: 'COUPON_ALREADY_USED',
  JUST_USED_UP: 'COUPON_JUST_ENDED',
} as const satisfies Record<Exclude<Extract<OrderRefusal, { outcome: 'COUPON_INVALID' }>['reason'], 'UNKNOWN' | 'BELOW_MINIMUM'>, string>;

/** The bag's words for the pipeline's refusals: they name the line to change. */
function bagWording(lines: BagLine[]): RefusalWording {
  const line = (variantId: string) => lines.find((l) => l.variantId === variantId);
  return (refusal) => {
    switch (refusal.outcome) {
      case 'SOLD_OUT': {
        const l = line(refusal.variantId);
        return l ? new AppError('LINE_SOLD_OUT', { name: lineName(l) }, `variant ${l.variantId} short for ${l.quantity}`) : undefined;
      }
      case 'NOT_IN_LINEUP':
      case 'VARIANT_NOT_FOUND': {
        const l = line(refusal.variantId);
        return l ? new AppError('LINE_GONE', { name: lineName(l) }, `${l.variantId} unavailable`) : undefined;
      }
      case 'LIMIT_REACHED': {
        const l = line(refusal.variantId);
        return l
          ? new AppError(
              'LIMIT_PER_PRODUCT',
              { max: refusal.maxPerBuyer, product: l.productTitle },
              `product ${l.productId} over ${refusal.maxPerBuyer}`,
            )
          : undefined;
      }
      case 'NO_PAYMENT_METHOD':
        return new AppError('BAG_NO_CARD', 'no default payment method');
      case 'NO_ADDRESS':
        return new AppError('BAG_NO_ADDRESS', 'no default address');
      case 'COUPON_INVALID': {
        const detail = `coupon ${refusal.code}: ${refusal.reason}`;
        if (refusal.reason === 'UNKNOWN') return new AppError('COUPON_UNKNOWN', { code: refusal.code }, detail);
        if (refusal.reason === 'BELOW_MINIMUM')
          return new AppError(
            'COUPON_MINIMUM',
            { amount: currencyFormat(refusal.currency ?? 'USD').format(refusal.minSubtotalMinor ?? 0) },
            detail,
          );
        return new AppError(COUPON_REASONS[refusal.reason], detail);
      }
      default:
        return undefined;
    }
  };
}

function couponCodeOf(raw: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const code = couponCodeSchema.safeParse(raw);
  if (!code.success) throw new AppError('COUPON_UNKNOWN', { code: raw.trim().toUpperCase() }, `unknown code ${raw}`);
  return code.data;
}

/**
 * Pays for the viewer's whole bag in one order, through the same pipeline as one
 * tap (order-pipeline.ts): each line at the price the bag shows now (a running
 * flash deal's price for its variant), the default address (copied onto the
 * order) and card. reserve_order takes every line's stock or none (a line short
 * refuses the whole checkout with SOLD_OUT naming it, before any charge), claims
 * the coupon and writes the order as PLACED; then the total is charged once; then
 * confirm_order makes it PAID and empties the bag. The same key always returns
 * the same order and never charges twice. A coupon used up by someone else in the
 * meantime, or a total above the one the buyer saw, refuses the checkout rather
 * than charging something else.
 */
export async function checkoutBag(db: Db, payments: PaymentProvider, buyer: Actor, request: BagCheckoutRequest): Promise<BagOrder> {
  const show = await loadBagShow(db, request.showId);
  const lines = await loadBagLines(db, buyer.userId, show);
  const placed = await placeOrder(
    db,
    payments,
    buyer,
    {
      showId: show.id,
      source: 'BAG',
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, dealId: l.deal?.id ?? null })),
      idempotencyKey: request.idempotencyKey,
      couponCode: couponCodeOf(request.couponCode),
      expectedTotalMinor: request.expectedTotalMinor ?? null,
    },
    bagWording(lines),
  );
  if (!placed.replayed) for (const line of placed.order.lines) stockGate.forget(line.variantId);
  return bagOrderOf(placed);
}

/**
 * Reserves the viewer's whole bag as one order to be paid by a bank QR code
 * (server/domain/qr-payments): the same lines, prices, coupon and refusals as
 * checkoutBag, but no card is needed or charged; the order stays PLACED with its
 * units (status PLACED, or what a replayed key's order is now).
 */
export async function reserveBagForQr(db: Db, buyer: Actor, request: BagCheckoutRequest): Promise<BagOrder> {
  const show = await loadBagShow(db, request.showId);
  const lines = await loadBagLines(db, buyer.userId, show);
  const placed = await reserveForQr(
    db,
    buyer,
    {
      showId: show.id,
      source: 'BAG',
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, dealId: l.deal?.id ?? null })),
      idempotencyKey: request.idempotencyKey,
      couponCode: couponCodeOf(request.couponCode),
      expectedTotalMinor: request.expectedTotalMinor ?? null,
    },
    bagWording(lines),
  );
  if (!placed.replayed) for (const line of placed.order.lines) stockGate.forget(line.variantId);
  return bagOrderOf(placed);
}

function bagOrderOf({ order, status, replayed }: PlacedOrderResult): BagOrder {
  return {
    id: order.orderId,
    number: order.orderNumber,
    status,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    discountMinor: order.discountMinor,
    totalMinor: order.totalMinor,
    couponCode: order.couponCode,
    lines: order.lines.map(({ productId, productTitle, variantId, variantName, quantity, unitPriceMinor }) => ({
      productId,
      productTitle,
      variantId,
      variantName,
      quantity,
      unitPriceMinor,
    })),
    buyerPublicName: publicBuyerName(order.buyerName),
    replayed,
    stockAfter: replayed ? [] : (order.stockAfter ?? []),
    deals: replayed ? [] : (order.deals ?? []),
  };
}
