// The email a buyer gets when a brand pays money back: amount, reason, what is
// left paid, and the order. In the style of the receipt (order-emails.ts). It
// is queued in the refund's own transaction, keyed by the refund, so the email
// exists exactly when the refund does and a retried refund (same key, same
// Refund row) never queues a second one.
import type { Prisma } from '../../db/client';
import { emailJobRow, type OutgoingEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';
import { currencyFormat } from '../money-format';
import { ENGLISH_ITEMS_WORDS, formatItemsSummary, type ItemLine } from './order-display';

export const refundEmailKey = (refundId: string) => `order-refund:${refundId}`;

export interface RefundEmailFacts {
  refundId: string;
  amountMinor: number;
  reason: string;
  /** The order after this refund. */
  order: { number: number; currency: string; totalMinor: number; refundedMinor: number; cancelled: boolean; items: readonly ItemLine[] };
  buyer: { name: string; email: string };
  brandName: string;
}

export function refundEmail(f: RefundEmailFacts): OutgoingEmail {
  const money = (minor: number) => currencyFormat(f.order.currency).format(minor);
  const full = f.order.refundedMinor >= f.order.totalMinor;
  const reason = f.reason.trim();
  const paragraphs: (string | string[])[] = [
    `Hi ${f.buyer.name || 'there'},`,
    f.order.cancelled
      ? `Order #${f.order.number} from ${f.brandName} is cancelled, and ${money(f.amountMinor)} has been refunded to your card.`
      : `${f.brandName} has refunded ${money(f.amountMinor)} of order #${f.order.number} to your card.`,
    ...(reason ? [`Reason: ${reason}`] : []),
    [
      formatItemsSummary(f.order.items, ENGLISH_ITEMS_WORDS),
      `Order total: ${money(f.order.totalMinor)}`,
      `Refunded so far: ${money(f.order.refundedMinor)}${full ? ' (all of it)' : ''}`,
    ],
    'Your bank may take a few days to show the money. You can follow the order under “Your orders” in your account.',
  ];
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : p.join('\n'))).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p>${p.map(escapeHtml).join('<br>')}</p>`))
    .join('\n');
  return {
    dedupeKey: refundEmailKey(f.refundId),
    to: f.buyer.email,
    subject: full ? `Order #${f.order.number} has been refunded` : `Part of order #${f.order.number} has been refunded`,
    text,
    html,
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
      buyer: { select: { name: true, email: true, deletedAt: true } },
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
