// Reservations whose process died between reserve_order and confirm_order. The
// order pipeline leaves an order PLACED only while its one provider call runs (a
// second or so); one still PLACED long after is an orphan: the process stopped,
// or the provider never answered, and nobody retried the same key. Its units
// would stay taken for good. The sweeper asks the provider what happened to the
// key first: a captured charge is confirmed (the buyer paid), anything else is
// voided and released (units back to stock and deals, coupon use back).
import type { Db } from '../context';
import { announceSale } from './order-announcements';
import { chargeAndConfirm, orderFacts, releaseOrder } from './order-pipeline';
import type { PaymentProvider } from '../payments';
import { stockGate } from '../catalog';

/** Far longer than any provider call: a reservation this old is not being paid for any more. */
export const RESERVATION_TIMEOUT_MS = 10 * 60_000;
const SWEEP_BATCH = 100;

export interface SweepResult {
  released: string[];
  confirmed: string[];
  /** Orders this sweep could not settle (the next one tries again), with why. */
  failed: { orderId: string; error: unknown }[];
}

export async function sweepOrphanedReservations(
  db: Db,
  payments: PaymentProvider,
  { olderThanMs = RESERVATION_TIMEOUT_MS, now = new Date() }: { olderThanMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  const orphans = await db.order.findMany({
    where: { status: 'PLACED', createdAt: { lt: new Date(now.getTime() - olderThanMs) }, source: { in: ['ONE_TAP', 'BAG'] } },
    select: { id: true, buyerId: true, idempotencyKey: true, buyer: { select: { locale: true } } },
    orderBy: { createdAt: 'asc' },
    take: SWEEP_BATCH,
  });
  const result: SweepResult = { released: [], confirmed: [], failed: [] };
  for (const orphan of orphans) {
    try {
      await settle(db, payments, orphan, result);
    } catch (error) {
      result.failed.push({ orderId: orphan.id, error });
    }
  }
  return result;
}

async function settle(
  db: Db,
  payments: PaymentProvider,
  orphan: { id: string; buyerId: string; idempotencyKey: string; buyer: { locale: string | null } },
  result: SweepResult,
): Promise<void> {
  // The key every attempt at this order gave the provider (order-pipeline.ts).
  const paymentKey = `${orphan.buyerId}:${orphan.idempotencyKey}`;
  // The provider that was charging it (a Stripe order stays with its brand's Stripe account).
  const provider = payments.resolve ? await payments.resolve({ orderId: orphan.id }) : payments;
  const charge = await provider.lookup(paymentKey);
  if (charge?.state === 'captured') {
    const facts = await orderFacts(db, orphan.id);
    if (!facts) return;
    // Authorise again with the same key (the same, captured authorization), capture (a no-op), confirm.
    await chargeAndConfirm(db, provider, { locale: orphan.buyer.locale }, paymentKey, facts);
    await announceSale(db, orphan.id);
    result.confirmed.push(orphan.id);
    return;
  }
  if (charge?.state === 'authorized') await provider.void(charge.reference);
  const stocks = await releaseOrder(db, orphan.id);
  // The units are back: what this node's gate knew of them is stale.
  for (const { variantId } of stocks) stockGate.forget(variantId);
  if (stocks.length > 0) result.released.push(orphan.id);
}
