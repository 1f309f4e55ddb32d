import { randomBytes } from 'node:crypto';
import type { QrPayment } from '../../db/client';
import { enqueueJob } from '../../jobs/queue';
import { reserveBagForQr, type BagOrder } from '../bag';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { releaseOrder, reserveForQr, type OrderFacts } from '../orders';
import { stockGate } from '../catalog';
import type { QrConfig } from './qr-config';
import { offeredQrKind, railOf, type QrKind } from './qr-settings';

/** What the buyer's sheet shows while a QR order waits. */
export interface QrPaymentView {
  orderId: string;
  orderNumber: number;
  kind: QrKind;
  qrPayload: string;
  deepLink: string | null;
  amountMinor: number;
  currency: string;
  status: 'AWAITING_PAYMENT' | 'PAID' | 'EXPIRED';
  expiresAt: string;
}

export function qrPaymentView(row: QrPayment): QrPaymentView {
  return {
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    kind: row.kind as QrKind,
    qrPayload: row.qrPayload,
    deepLink: row.deepLink,
    amountMinor: row.amountMinor,
    currency: row.currency.trim(),
    status: row.status,
    expiresAt: row.expiresAt.toISOString(),
  };
}

export interface BagQrCheckoutRequest {
  showId: string;
  idempotencyKey: string;
  couponCode?: string | null;
  expectedTotalMinor?: number;
}

/**
 * A bag checkout paid by a bank QR code: the brand must offer one (QR_NOT_OFFERED before
 * anything is taken); the bag is reserved as one PLACED order (its units, deal units and coupon
 * held); the brand's rail issues a code for its total, valid QR_PAYMENT_MINUTES; the job queue
 * checks it from then on (qr-settle.ts). The same key answers the same order and code. A rail
 * that cannot issue a code gives the reservation back (QR_BANK_UNAVAILABLE).
 */
export async function checkoutBagByQr(
  db: Db,
  config: QrConfig,
  buyer: Actor,
  request: BagQrCheckoutRequest,
): Promise<{ order: BagOrder; qr: QrPaymentView }> {
  const seller = await qrSeller(db, request.showId);
  const order = await reserveBagForQr(db, buyer, request);
  const qr = await qrPaymentFor(db, config, seller, buyer, {
    orderId: order.id,
    orderNumber: order.number,
    totalMinor: order.totalMinor,
    currency: order.currency,
    status: order.status,
  });
  return { order, qr };
}

export interface OneTapQrRequest {
  showId: string;
  variantId: string;
  quantity: number;
  idempotencyKey: string;
  dealId?: string | null;
}

/**
 * A one-tap purchase paid by a bank QR code (the buyer chose QR instead of their card): one line
 * reserved through the same pipeline as a tap (ONE_TAP, the deal price if any), then a code as for
 * the bag. Answers the reserved order's facts (with its stock after, for the show's live stock).
 */
export async function buyNowByQr(
  db: Db,
  config: QrConfig,
  buyer: Actor,
  request: OneTapQrRequest,
): Promise<{ order: OrderFacts; replayed: boolean; qr: QrPaymentView }> {
  const seller = await qrSeller(db, request.showId);
  const placed = await reserveForQr(db, buyer, {
    showId: request.showId,
    source: 'ONE_TAP',
    lines: [{ variantId: request.variantId, quantity: request.quantity, dealId: request.dealId ?? null }],
    idempotencyKey: request.idempotencyKey,
  });
  if (!placed.replayed) stockGate.forget(request.variantId);
  const { order } = placed;
  const qr = await qrPaymentFor(db, config, seller, buyer, { ...order, status: placed.status });
  return { order, replayed: placed.replayed, qr };
}

/** The show's brand and the QR rail it offers; QR_NOT_OFFERED before any stock is taken. */
async function qrSeller(db: Db, showId: string): Promise<{ brandId: string; brandName: string; kind: QrKind }> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { brandId: true, brand: { select: { name: true } } } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  const kind = await offeredQrKind(db, show.brandId);
  if (!kind) throw new AppError('QR_NOT_OFFERED', `brand ${show.brandId} has no QR provider enabled`);
  return { brandId: show.brandId, brandName: show.brand.name, kind };
}

/** The reserved order's QR payment: the code issued before under the same key, else a new one. */
async function qrPaymentFor(
  db: Db,
  config: QrConfig,
  seller: { brandId: string; brandName: string; kind: QrKind },
  buyer: Actor,
  order: { orderId: string; orderNumber: number; totalMinor: number; currency: string; status: string },
): Promise<QrPaymentView> {
  const existing = await db.qrPayment.findUnique({ where: { orderId: order.orderId } });
  if (existing) return qrPaymentView(existing);
  if (order.status !== 'PLACED')
    throw new AppError('INVALID_STATE', `order ${order.orderId} under this key is ${order.status}, not awaiting a QR payment`);
  const row = await issueQrPayment(db, config, {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    brandId: seller.brandId,
    brandName: seller.brandName,
    buyerId: buyer.userId,
    amountMinor: order.totalMinor,
    currency: order.currency,
    kind: seller.kind,
  });
  return qrPaymentView(row);
}

interface QrOrder {
  orderId: string;
  orderNumber: number;
  brandId: string;
  brandName: string;
  buyerId: string;
  amountMinor: number;
  currency: string;
  kind: QrKind;
}

async function issueQrPayment(db: Db, config: QrConfig, order: QrOrder): Promise<QrPayment> {
  const now = Date.now();
  const expiresAt = new Date(now + config.paymentMinutes * 60_000);
  // Printed in the code (KHQR bill numbers take at most 25 characters): the order number and a random tail.
  const reference = `O${order.orderNumber}-${randomBytes(5).toString('hex')}`;
  let issued;
  try {
    const rail = await railOf(db, config, order.brandId, order.kind);
    issued = await rail.issue({
      reference,
      amountMinor: order.amountMinor,
      currency: order.currency,
      expiresAt,
      description: `${order.brandName} #${order.orderNumber}`.slice(0, 60),
    });
  } catch (error) {
    await releaseOrder(db, order.orderId);
    if (error instanceof AppError && error.code !== 'INTERNAL') throw error;
    throw new AppError(
      'QR_BANK_UNAVAILABLE',
      `no ${order.kind} code for order ${order.orderId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const row = await db.qrPayment.create({
    data: {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      buyerId: order.buyerId,
      brandId: order.brandId,
      kind: order.kind,
      reference,
      providerRef: issued.providerRef,
      qrPayload: issued.qrPayload,
      deepLink: issued.deepLink,
      amountMinor: order.amountMinor,
      currency: order.currency,
      expiresAt,
      watchUntil: new Date(expiresAt.getTime() + config.lateWatchMinutes * 60_000),
    },
  });
  await enqueueQrCheck(db, row.id, 1, new Date(now + config.checkSeconds * 1000));
  return row;
}

export async function enqueueQrCheck(db: Db, qrPaymentId: string, round: number, runAt: Date): Promise<void> {
  await enqueueJob(db, {
    kind: 'qr.check',
    payload: { qrPaymentId, round },
    runAt,
    dedupeKey: `qr-check:${qrPaymentId}:${round}`,
    maxAttempts: 5,
  });
}

/** The buyer's own QR payment for an order (their sheet asks while it is open); NOT_FOUND for anyone else's. */
export async function getMyQrPayment(db: Db, buyer: Actor, orderId: string): Promise<QrPaymentView> {
  const row = await db.qrPayment.findUnique({ where: { orderId } });
  if (!row || row.buyerId !== buyer.userId) throw new AppError('NOT_FOUND', `no QR payment of ${buyer.userId} for order ${orderId}`);
  return qrPaymentView(row);
}
