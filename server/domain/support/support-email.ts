// The email a buyer gets when the brand's team answers: in the buyer's stored language, like the
// order emails, and like them transactional (it answers the buyer's own question), so it goes out
// whatever the marketing consent says; a deleted account gets none.
import type { Prisma } from '../../db/client';
import { emailLocale, emailTranslator } from '../../mail/i18n';
import { emailJobRow, type OutgoingEmail } from '../../mail/outbox';
import { escapeHtml } from '../../mail/templates';

export const supportReplyEmailKey = (messageId: string) => `support-reply:${messageId}`;

/** Where the buyer reads the thread: the order's page when it is about an order. */
export function supportThreadPath(conversation: { id: string; orderId: string | null }): string {
  return conversation.orderId ? `/account/orders/${conversation.orderId}#support` : `/account/support/${conversation.id}`;
}

export interface SupportReplyFacts {
  messageId: string;
  body: string;
  brandName: string;
  orderNumber: number | null;
  link: string | null;
  buyer: { name: string; email: string; locale: string | null };
}

export function supportReplyEmail(f: SupportReplyFacts): OutgoingEmail {
  const locale = emailLocale(f.buyer.locale);
  const t = emailTranslator(locale);
  const values = { brand: f.brandName, number: String(f.orderNumber ?? '') };
  const paragraphs = [
    f.buyer.name ? t('email.greeting', { name: f.buyer.name }) : t('email.greetingNoName'),
    t('email.support.intro', values),
    f.body,
    ...(f.link ? [`${t('email.support.replyHere')} ${f.link}`] : []),
  ];
  return {
    dedupeKey: supportReplyEmailKey(f.messageId),
    to: f.buyer.email,
    subject: f.orderNumber === null ? t('email.support.subject', values) : t('email.support.subjectOrder', values),
    text: paragraphs.join('\n\n'),
    html: `<div lang="${locale}">\n${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')}\n</div>`,
    kind: 'support.reply',
  };
}

/** Written through the reply's own transaction: the email exists exactly when the reply does. */
export async function queueSupportReplyEmail(tx: Prisma.TransactionClient, facts: SupportReplyFacts): Promise<void> {
  const job = emailJobRow(supportReplyEmail(facts));
  await tx.job.createMany({
    data: [{ kind: job.kind, payload: job.payload as Prisma.InputJsonObject, dedupeKey: job.dedupeKey, maxAttempts: job.maxAttempts }],
    skipDuplicates: true,
  });
}
