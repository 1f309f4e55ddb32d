// QPay calls the invoice's callback URL (with our payment's reference, qpayCallbackUrl) when it is paid.
// Anyone can call that URL, so the call is only a hint: it makes the app ask QPay now (the same check the
// job queue runs, under QPay's own API credentials) instead of at the next poll, and what QPay answers
// decides. Idempotent: each QPay payment is settled once however many callbacks and checks see it.
import type { Db } from '../context';
import { AppError } from '../errors';
import type { QrConfig } from './qr-config';
import { checkQrPayment } from './qr-settle';

// A flood of callbacks for one payment costs at most one call to QPay per interval.
const MIN_INTERVAL_MS = 2_000;
const lastChecks = new Map<string, number>();

export interface QpayCallbackAnswer {
  status: 'AWAITING_PAYMENT' | 'PAID' | 'EXPIRED';
  /** False when this callback came too soon after the last check and asked nothing. */
  checked: boolean;
}

export async function receiveQpayCallback(db: Db, config: QrConfig, reference: string, now = Date.now()): Promise<QpayCallbackAnswer> {
  const row = await db.qrPayment.findUnique({ where: { reference }, select: { id: true, kind: true, status: true, watchUntil: true } });
  if (row?.kind !== 'QPAY') throw new AppError('ORDER_NOT_FOUND', `no QPay payment ${reference}`);
  const last = lastChecks.get(row.id) ?? 0;
  // Past its watch nothing can change any more; within the interval the last check's answer stands.
  if (row.watchUntil.getTime() <= now || now - last < MIN_INTERVAL_MS) return { status: row.status, checked: false };
  for (const [id, at] of lastChecks) if (now - at > MIN_INTERVAL_MS) lastChecks.delete(id);
  lastChecks.set(row.id, now);
  const result = await checkQrPayment(db, config, row.id, new Date(now));
  return { status: result?.status ?? row.status, checked: true };
}
