// What the job queue does with a waiting QR payment, every QR_CHECK_SECONDS: ask the rail which
// payments were made against the code, and settle each exactly once (QrPaymentReceipt is unique
// per rail payment id, and is written before anything is done about it):
//   - the first payment of the full amount while the order still waits confirms the order (PAID,
//     with the usual order.created/order.paid events and receipt: confirm_order);
//   - any other payment -- a second one (paid twice), one after expiry, one short of the amount,
//     one for an order cancelled meanwhile -- is refunded through the rail, or, where the rail
//     cannot refund, kept as a refund task for the brand (REFUND_TASK): never lost.
// A code not paid by its expiry gives the reservation back (release_order: units, deal units and
// coupon use return) and is watched until watchUntil for a payment that comes late.
import type { QrPayment } from '../../db/client';
import type { Db } from '../context';
import { stockGate } from '../catalog';
import { announceSale, confirmOrder, orderFacts, releaseOrder } from '../orders';
import type { QrConfig } from './qr-config';
import { enqueueQrCheck } from './qr-checkout';
import { recordRailRefund } from './qr-refunds';
import { railOf, type QrKind } from './qr-settings';
import type { QrRail, QrReportedPayment } from './rail';

export interface QrCheckResult {
  status: QrPayment['status'];
  /** When to ask again; null once the watch is over. */
  next: Date | null;
  /** Stock of each variant given back by an expiry (for the show's live stock). */
  released: { variantId: string; stock: number }[];
}

// After expiry a late payment is rare: asking once a minute is enough.
const LATE_CHECK_MS = 60_000;

export async function checkQrPayment(db: Db, config: QrConfig, qrPaymentId: string, now = new Date()): Promise<QrCheckResult | null> {
  const row = await db.qrPayment.findUnique({ where: { id: qrPaymentId } });
  if (!row) return null;
  let rail: QrRail | null = null;
  let payments: QrReportedPayment[] = [];
  try {
    rail = await railOf(db, config, row.brandId, row.kind as QrKind);
    payments = await rail.check(row.providerRef, row.currency.trim());
  } catch (error) {
    // A rail that does not answer (or a provider row removed since) must not stop the clock: the code
    // still expires, and a payment made meanwhile is found by a later check and refunded.
    console.error('QR payment check failed', { qrPaymentId, kind: row.kind, error });
  }
  let status = row.status;
  for (const payment of payments) if (rail) status = await settlePayment(db, rail, row, status, payment);
  let released: QrCheckResult['released'] = [];
  if (status === 'AWAITING_PAYMENT' && now >= row.expiresAt) {
    const expired = await db.qrPayment.updateMany({
      where: { id: row.id, status: 'AWAITING_PAYMENT' },
      data: { status: 'EXPIRED', closedAt: now },
    });
    if (expired.count === 1) {
      status = 'EXPIRED';
      released = await releaseOrder(db, row.orderId);
      // The units are back: what this node's gate knew of them is stale (as the reservation sweeper does).
      for (const { variantId } of released) stockGate.forget(variantId);
    }
  }
  const next = nextCheck(config, row, status, now);
  return { status, next, released };
}

function nextCheck(config: QrConfig, row: QrPayment, status: QrPayment['status'], now: Date): Date | null {
  if (now >= row.watchUntil) return null;
  const waiting = status === 'AWAITING_PAYMENT';
  const step = waiting ? config.checkSeconds * 1000 : LATE_CHECK_MS;
  // A waiting code is asked about once more right at its expiry, so an order never outlives it for long.
  const at = waiting ? Math.min(now.getTime() + step, Math.max(row.expiresAt.getTime(), now.getTime() + 1000)) : now.getTime() + step;
  return new Date(Math.min(at, row.watchUntil.getTime()));
}

async function settlePayment(
  db: Db,
  rail: QrRail,
  row: QrPayment,
  status: QrPayment['status'],
  payment: QrReportedPayment,
): Promise<QrPayment['status']> {
  const applied = await db.qrPaymentReceipt.findFirst({
    where: { qrPaymentId: row.id, outcome: 'APPLIED' },
    select: { providerPaymentId: true },
  });
  const known = await db.qrPaymentReceipt.findUnique({
    where: { qrPaymentId_providerPaymentId: { qrPaymentId: row.id, providerPaymentId: payment.id } },
  });
  // An APPLIED receipt whose confirmation did not finish (the process stopped) is confirmed again.
  if (known?.outcome === 'APPLIED' && status === 'AWAITING_PAYMENT') return confirm(db, rail, row, payment);
  if (known) return status;
  const pays = status === 'AWAITING_PAYMENT' && !applied && payment.amountMinor >= row.amountMinor;
  const created = await db.qrPaymentReceipt.createMany({
    data: [
      { qrPaymentId: row.id, providerPaymentId: payment.id, amountMinor: payment.amountMinor, outcome: pays ? 'APPLIED' : 'REFUND_TASK' },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return status;
  if (pays) return confirm(db, rail, row, payment);
  await refund(db, rail, row, payment, status === 'PAID' ? 'paid twice' : status === 'EXPIRED' ? 'paid after expiry' : 'paid short');
  return status;
}

async function confirm(db: Db, rail: QrRail, row: QrPayment, payment: QrReportedPayment): Promise<QrPayment['status']> {
  const facts = await orderFacts(db, row.orderId);
  const buyer = await db.user.findUnique({ where: { id: row.buyerId }, select: { locale: true } });
  const outcome = facts ? await confirmOrder(db, { locale: buyer?.locale ?? null }, facts, row.kind, payment.id) : 'GONE';
  if (outcome === 'PAID') {
    await db.qrPayment.updateMany({ where: { id: row.id, status: 'AWAITING_PAYMENT' }, data: { status: 'PAID', paidAt: new Date() } });
    // Confirmed by the job queue, off the sockets: the show hears of the sale as of a tap.
    await announceSale(db, row.orderId);
    return 'PAID';
  }
  // The order was cancelled or released meanwhile: the money goes back.
  await db.qrPayment.updateMany({ where: { id: row.id, status: 'AWAITING_PAYMENT' }, data: { status: 'EXPIRED', closedAt: new Date() } });
  await refund(db, rail, row, payment, `order ${outcome.toLowerCase()} before the payment was seen`);
  return 'EXPIRED';
}

async function refund(db: Db, rail: QrRail, row: QrPayment, payment: QrReportedPayment, why: string): Promise<void> {
  const where = { qrPaymentId_providerPaymentId: { qrPaymentId: row.id, providerPaymentId: payment.id } };
  const result = await rail.refund(row.providerRef, payment);
  if (result.refunded) {
    const receipt = await db.qrPaymentReceipt.findUniqueOrThrow({ where, select: { id: true } });
    await recordRailRefund(db, receipt.id, result.refundRef, why);
  } else await db.qrPaymentReceipt.update({ where, data: { outcome: 'REFUND_TASK', note: `${why}; ${result.why}` } });
}

/** The job's whole turn: one check, then the next one queued (its own dedupe key per round). */
export async function runQrCheck(db: Db, config: QrConfig, qrPaymentId: string, round: number): Promise<void> {
  const result = await checkQrPayment(db, config, qrPaymentId);
  if (result?.next) await enqueueQrCheck(db, qrPaymentId, round + 1, result.next);
}

/**
 * Picks up waits whose chain of checks stopped (a job that failed all its attempts, a crash between
 * a check and queueing the next): each still AWAITING_PAYMENT a minute past its expiry gets a check
 * now, which settles or expires it. Answers how many were picked up.
 */
export async function resumeStalledQrChecks(db: Db, now = new Date()): Promise<number> {
  const stalled = await db.qrPayment.findMany({
    where: { status: 'AWAITING_PAYMENT', expiresAt: { lt: new Date(now.getTime() - LATE_CHECK_MS) } },
    select: { id: true },
    take: 100,
  });
  // Round 0 is never queued by the chain itself; a stamp of the minute keeps one resume per minute.
  for (const { id } of stalled) await enqueueQrCheck(db, id, 1_000_000 + Math.floor(now.getTime() / LATE_CHECK_MS), now);
  return stalled.length;
}

/** Refunds a brand must make by hand (the rail has none), for its QR settings page. */
export async function listQrRefundTasks(db: Db, brandId: string) {
  return db.qrPaymentReceipt.findMany({
    where: { outcome: 'REFUND_TASK', resolvedAt: null, qrPayment: { brandId } },
    select: {
      id: true,
      amountMinor: true,
      note: true,
      createdAt: true,
      providerPaymentId: true,
      qrPayment: { select: { orderNumber: true, currency: true, kind: true, reference: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
}
