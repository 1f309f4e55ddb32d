// A bank QR payment that could not be used (after expiry, twice, short, for a cancelled order) is paid
// back: by the rail itself where it can refund (QPay), or by the brand by hand, which it then marks done
// here (Bakong and Lao QR have no refund call). Either way the buyer gets one email saying so, queued
// with the receipt's change and keyed by the receipt, so a second click or a retried check never sends two.
import type { Prisma } from '../../db/client';
import { emailFormats, emailLocale, emailTranslator } from '../../mail/i18n';
import { emailJobRow } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

export const qrRefundEmailKey = (receiptId: string) => `qr-refund:${receiptId}`;

/** Queues the buyer's "your money is back" email for a refunded receipt; a deleted account gets none. */
export async function queueQrRefundEmail(tx: Prisma.TransactionClient, receiptId: string): Promise<void> {
  const receipt = await tx.qrPaymentReceipt.findUniqueOrThrow({
    where: { id: receiptId },
    select: {
      amountMinor: true,
      refundRef: true,
      qrPayment: { select: { buyerId: true, brandId: true, orderNumber: true, currency: true, kind: true } },
    },
  });
  const { qrPayment } = receipt;
  // One after the other: a transaction is one connection (see stage.ts).
  const buyer = await tx.user.findUnique({
    where: { id: qrPayment.buyerId },
    select: { name: true, email: true, locale: true, deletedAt: true },
  });
  const brand = await tx.brand.findUnique({ where: { id: qrPayment.brandId }, select: { name: true } });
  if (!buyer || buyer.deletedAt) return;
  const locale = emailLocale(buyer.locale);
  const t = emailTranslator(locale);
  const values = {
    number: String(qrPayment.orderNumber),
    brand: brand?.name ?? '',
    amount: emailFormats(locale).price(receipt.amountMinor, qrPayment.currency.trim()),
    rail: RAIL_NAMES[qrPayment.kind] ?? qrPayment.kind,
  };
  const paragraphs = [
    buyer.name ? t('email.greeting', { name: buyer.name }) : t('email.greetingNoName'),
    t('qrRefund.email.body', values),
    ...(receipt.refundRef ? [t('qrRefund.email.reference', { reference: receipt.refundRef })] : []),
    t('qrRefund.email.bankDelay'),
  ];
  const job = emailJobRow({
    dedupeKey: qrRefundEmailKey(receiptId),
    to: buyer.email,
    subject: t('qrRefund.email.subject', values),
    text: paragraphs.join('\n\n'),
    html: `<div lang="${locale}">\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}\n</div>`,
    kind: 'order.refunded',
  });
  await tx.job.createMany({
    data: [{ kind: job.kind, payload: job.payload as Prisma.InputJsonObject, dedupeKey: job.dedupeKey, maxAttempts: job.maxAttempts }],
    skipDuplicates: true,
  });
}

// The names buyers know from their banking apps.
const RAIL_NAMES: Record<string, string> = { KHQR: 'KHQR (Bakong)', QPAY: 'QPay', LAOQR: 'Lao QR' };

/** A rail refunded the payment itself: the receipt says so and the buyer is told, in one transaction. */
export async function recordRailRefund(db: Db, receiptId: string, refundRef: string, note: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.qrPaymentReceipt.update({ where: { id: receiptId }, data: { outcome: 'REFUNDED', refundRef, note, resolvedAt: new Date() } });
    await queueQrRefundEmail(tx, receiptId);
  });
}

/**
 * The brand's owner paid a refund task back by hand: the task is closed (REFUNDED, with their reference
 * if they give one) and the buyer emailed. Only the brand's own open tasks; a second click answers the
 * same without a second email.
 */
export async function markQrRefundDone(db: Db, actor: Actor, slug: string, receiptId: string, reference: string | null): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  await db.$transaction(async (tx) => {
    const receipt = await tx.qrPaymentReceipt.findFirst({
      where: { id: receiptId, qrPayment: { brandId: brand.brandId } },
      select: { note: true },
    });
    if (!receipt) throw new AppError('ORDER_NOT_FOUND', `no QR refund task ${receiptId} at ${slug}`);
    // Conditional: of two clicks at once, one closes the task and the other finds nothing left to do.
    const closed = await tx.qrPaymentReceipt.updateMany({
      where: { id: receiptId, outcome: 'REFUND_TASK', resolvedAt: null },
      data: {
        outcome: 'REFUNDED',
        refundRef: reference,
        resolvedAt: new Date(),
        note: `${receipt.note ?? ''}; refunded by hand by ${actor.userId}`,
      },
    });
    if (closed.count === 1) await queueQrRefundEmail(tx, receiptId);
  });
}
