import { publicBuyerName, type Actor, type Db } from '../context';
import { AppError } from '../errors';
import { placeOrder, type PlacedOrderResult } from './order-pipeline';
import type { PaymentProvider } from '../payments';
import { stockGate } from '../catalog';
import { isRehearsing } from '../rehearsals';

export interface ShowPurchaseRequest {
  showId: string;
  variantId: string;
  quantity: number;
  idempotencyKey: string;
  /** The flash deal whose price the buyer saw; without it the regular price applies. */
  dealId?: string | null;
  /** The buyer holds a unit of the variant (the waitlist): the stock gate, which knows only stock, must not refuse it. */
  held?: boolean;
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

// Taps this process has handled, so a retry of one (a lost acknowledgement) always
// reaches the database and gets its order back instead of a gate refusal.
const recentTaps = new Set<string>();
const RECENT_TAPS_KEPT = 100_000;

function rememberTap(tapKey: string): void {
  recentTaps.add(tapKey);
  if (recentTaps.size > RECENT_TAPS_KEPT) recentTaps.delete(recentTaps.values().next().value!);
}

/**
 * Taps every node has handled (multi-node mode, in Redis): a retry that lands on
 * another node after a reconnect must also reach the database and get its order
 * back. Asked only when this node's gate would refuse, so a storm's refusals cost
 * one lookup each and no database read.
 */
export interface SharedTaps {
  seen(tapKey: string): Promise<boolean>;
  remember(tapKey: string): Promise<void>;
}

// Taps the gate refused lately. A retry of one (a lost acknowledgement, often sent while the first
// was still waiting) gets the same answer instead of a second judgement, which a later probe could
// let through to a unit: one key, one answer. Kept briefly: a buyer who taps again uses a new key.
const gatedTaps = new Map<string, number>();
const GATED_KEPT_MS = 5_000;

function wasGated(tapKey: string): boolean {
  const at = gatedTaps.get(tapKey);
  if (at === undefined) return false;
  if (performance.now() - at <= GATED_KEPT_MS) return true;
  gatedTaps.delete(tapKey);
  return false;
}

function rememberGated(tapKey: string): void {
  gatedTaps.set(tapKey, performance.now());
  if (gatedTaps.size > RECENT_TAPS_KEPT) gatedTaps.delete(gatedTaps.keys().next().value!);
}

// The gate's refusal is most taps' answer in a storm: one shared error, not a new
// one (and its stack trace) per tap. It carries nothing of the request.
const GATED = new AppError('SOLD_OUT', 'refused by the stock gate');

/**
 * One tap on Buy during a live show: an order of one line through the order
 * pipeline (order-pipeline.ts), with the buyer's default address and card. The
 * same idempotency key always yields the same single order and a single charge;
 * a sold tap costs one database round trip before its answer with the
 * in-process test provider and two with a real one, a refused one costs one, and
 * a refused one never reaches the payment provider. In front of it, the node's
 * stock gate refuses the taps fresh knowledge leaves no unit for, and while it
 * knows nothing fresh it lets one tap ask and the others wait for that answer.
 */
export async function placeShowOrder(
  db: Db,
  payments: PaymentProvider,
  buyer: Actor,
  request: ShowPurchaseRequest,
  sharedTaps: SharedTaps | null = null,
): Promise<PlacedOrder> {
  const tapKey = `${buyer.userId}:${request.idempotencyKey}`;
  // Another tap is asking the database while the gate knows nothing fresh: its answer decides this one
  // too (a storm's refusals then cost no round trip). Only awaited when there is something to wait for.
  const undecided = recentTaps.has(tapKey) || request.held === true ? undefined : stockGate.decided(request.variantId);
  if (undecided) await undecided;
  // A held unit is not in stock: a tap that says it holds one goes to the database, which decides
  // (claiming a hold one does not have costs a round trip, never a unit).
  let retry = recentTaps.has(tapKey) || request.held === true;
  if (!retry && wasGated(tapKey)) throw GATED;
  if (!retry && !stockGate.admit(request.variantId, request.quantity)) {
    retry = (await sharedTaps?.seen(tapKey).catch(() => false)) ?? false;
    if (!retry) {
      rememberGated(tapKey);
      throw GATED;
    }
  }
  if (!recentTaps.has(tapKey)) void sharedTaps?.remember(tapKey).catch(() => undefined);
  rememberTap(tapKey);
  let stock: number | null = null;
  try {
    const placed = await placeOrder(
      db,
      payments,
      buyer,
      {
        showId: request.showId,
        source: 'ONE_TAP',
        lines: [{ variantId: request.variantId, quantity: request.quantity, dealId: request.dealId ?? null }],
        idempotencyKey: request.idempotencyKey,
        // A held unit's tap locks the buyer's waitlist entry before the variant, as the hold sweep does: alone, it cannot deadlock with it.
        groupCommit: request.held !== true,
      },
      (refusal) => {
        // What the database saw keeps the gate's figure fresh.
        if (refusal.outcome === 'SOLD_OUT') stock = refusal.stock;
        return undefined;
      },
    );
    if (!placed.replayed) stock = placed.order.stockAfter?.[0]?.stock ?? null;
    return answer(placed);
  } catch (error) {
    // A payment that failed gave its unit back: what the gate knew is stale.
    if (error instanceof AppError && error.code !== 'SOLD_OUT') stockGate.forget(request.variantId);
    // Only on the refused path (one read): a rehearsal says why nothing can be bought.
    if (error instanceof AppError && error.key === 'SHOW_NOT_LIVE' && (await isRehearsing(db, request.showId)))
      throw new AppError('REHEARSAL_NO_ORDERS', `show ${request.showId} is being rehearsed`);
    throw error;
  } finally {
    if (!retry) stockGate.settle(request.variantId, request.quantity, stock);
  }
}

function answer({ order, status, replayed }: PlacedOrderResult): PlacedOrder {
  const line = order.lines[0]!;
  const deal = order.deals?.[0];
  return {
    id: order.orderId,
    number: order.orderNumber,
    status,
    totalMinor: order.totalMinor,
    shippingMinor: order.shippingMinor,
    currency: order.currency,
    productId: line.productId,
    productTitle: line.productTitle,
    variantId: line.variantId,
    variantName: line.variantName,
    quantity: line.quantity,
    stockAfter: replayed ? null : (order.stockAfter?.[0]?.stock ?? null),
    buyerPublicName: publicBuyerName(order.buyerName),
    replayed,
    deal: !replayed && deal ? { id: deal.id, soldCount: deal.soldCount } : null,
    bought:
      !replayed && order.boughtUnits != null && order.maxPerBuyer != null ? { units: order.boughtUnits, max: order.maxPerBuyer } : null,
  };
}
