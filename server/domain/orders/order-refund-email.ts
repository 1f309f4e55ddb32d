// The email a buyer gets when a brand pays money back: amount, reason, what is
// left paid, and the order. In the style of the receipt (order-emails.ts). It
// is queued in the refund's own transaction, in the buyer's stored language, keyed by the refund, so the email
// exists exactly when the refund does and a retried refund (same key, same
// Refund row) never queues a second one.
import type { Prisma } from '../../db/client';
import { emailFormats, emailLocale, emailTranslator } from '../../mail/i18n';
import { emailJobRow, type OutgoingEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import { ENGLISH_ITEMS_WORDS, formatItemsSummary, type ItemLine } from './order-display';

export const refundEmailKey = (refundId: string) => `order-refund:${refundId}`;

export interface RefundEmailFacts {
  refundId: string;
  amountMinor: number;
  reason: string;
  /** The order after this refund. */
  order: { number: number; currency: string; totalMinor: number; refundedMinor: number; cancelled: boolean; items: readonly ItemLine[] };
  /** locale: the buyer's stored language; absent or unknown means English. */
  buyer: { name: string; email: string; locale?: string | null };
  brandName: string;
}

export function refundEmail(f: RefundEmailFacts): OutgoingEmail {
  const locale = emailLocale(f.buyer.locale);
  const t = emailTranslator(locale);
  const money = (minor: number) => emailFormats(locale).price(minor, f.order.currency);
  const full = f.order.refundedMinor >= f.order.totalMinor;
  const reason = f.reason.trim();
  const values = { number: String(f.order.number), brand: f.brandName, amount: money(f.amountMinor) };
  const items = formatItemsSummary(f.order.items, {
    ...ENGLISH_ITEMS_WORDS,
    andOthers: (first, count) => t('orders.common.itemsAndOthers', { first, count }),
  });
  const paragraphs: (string | string[])[] = [
    f.buyer.name ? t('email.greeting', { name: f.buyer.name }) : t('email.greetingNoName'),
    f.order.cancelled ? t('email.refund.cancelledLine', values) : t('email.refund.refundedLine', values),
    ...(reason ? [`${t('email.refund.reason')}: ${reason}`] : []),
    [
      items,
      t('email.refund.orderTotal', { amount: money(f.order.totalMinor) }),
      t(full ? 'email.refund.refundedAll' : 'email.refund.refundedSoFar', { amount: money(f.order.refundedMinor) }),
    ],
    t('email.refund.bankDelay'),
  ];
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : p.join('\n'))).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p>${p.map(escapeHtml).join('<br>')}</p>`))
    .join('\n');
  return {
    dedupeKey: refundEmailKey(f.refundId),
    to: f.buyer.email,
    subject: t(full ? 'email.refund.subjectFull' : 'email.refund.subjectPart', values),
    text,
    html: `<div lang="${locale}">\n${html}\n</div>`,
    kind: 'order.refunded',
  };
}

/** Queues the refund email inside the refund's transaction; a deleted account gets none. */
export async function queueRefundEmail(
  tx: Prisma.TransactionClient,
  orderId: string,
  refund: { id: string; amountMinor: number; reason: string },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      number: true,
      currency: true,
      totalMinor: true,
      refundedMinor: true,
      status: true,
      buyer: { select: { name: true, email: true, locale: true, deletedAt: true } },
      brand: { select: { name: true } },
      items: { select: { title: true, quantity: true }, orderBy: { id: 'asc' } },
    },
  });
  if (order.buyer.deletedAt) return;
  const email = refundEmail({
    refundId: refund.id,
    amountMinor: refund.amountMinor,
    reason: refund.reason,
    order: {
      number: order.number,
      currency: order.currency,
      totalMinor: order.totalMinor,
      refundedMinor: order.refundedMinor,
      cancelled: order.status === 'CANCELLED',
      items: order.items,
    },
    buyer: order.buyer,
    brandName: order.brand.name,
  });
  const job = emailJobRow(email);
  // Written through the transaction itself; the job runner's one-second poll picks it up after commit.
  await tx.job.createMany({
    data: [{ kind: job.kind, payload: job.payload as Prisma.InputJsonObject, dedupeKey: job.dedupeKey, maxAttempts: job.maxAttempts }],
    skipDuplicates: true,
  });
}
