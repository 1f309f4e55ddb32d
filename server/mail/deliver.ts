import type { PrismaClient as Db } from '../db/client';
import type { Env } from '../env';
import type { EmailSendPayload } from '../jobs/kinds';
import type { Logger } from '../log';
import type { MailTransport } from './transport';

export interface DeliveryContext {
  db: Db;
  env: Pick<Env, 'MAIL_FROM'>;
  log: Logger;
  mail: MailTransport;
}

/**
 * The 'email.send' job. The EmailMessage row, unique by dedupeKey, is written
 * BEFORE sending: a job retried after its node crashed finds the row and sends
 * nothing, so an email goes out at most once. Only a definite failure (FAILED)
 * is sent again; SENDING means an earlier attempt may have reached the server.
 */
export async function deliverEmail(
  ctx: DeliveryContext,
  email: EmailSendPayload,
  opts: { storedCopy?: Pick<EmailSendPayload, 'text' | 'html'> } = {},
): Promise<'done'> {
  const { db, mail } = ctx;
  const log = ctx.log.child({ emailKey: email.dedupeKey, emailKind: email.kind, transport: mail.name });
  // Over SMTP the row is a record, not the delivery: an email carrying a
  // secret link keeps only a redacted copy. The local outbox IS the delivery
  // (the /mailbox page reads it), so there the link has to stay.
  const stored = mail.name === 'smtp' && opts.storedCopy ? { ...email, ...opts.storedCopy } : email;
  if (!(await claimEmail(db, stored, mail.name))) {
    log.info('email already sent or in flight; not sending again');
    return 'done';
  }
  const headers: Record<string, string> = {};
  if (email.listUnsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${email.listUnsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  try {
    await mail.send({ from: ctx.env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html, headers });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await db.emailMessage.update({ where: { dedupeKey: email.dedupeKey }, data: { status: 'FAILED', error: message } });
    log.warn({ err: error }, 'email delivery failed');
    throw error;
  }
  await db.emailMessage.update({ where: { dedupeKey: email.dedupeKey }, data: { status: 'SENT', sentAt: new Date() } });
  log.info('email sent');
  return 'done';
}

/** Takes the right to send this email: a new row, or an earlier definite failure. */
async function claimEmail(db: Db, email: EmailSendPayload, transport: MailTransport['name']): Promise<boolean> {
  const { dedupeKey, to, subject, text, html, kind } = email;
  const inserted = await db.emailMessage.createMany({
    data: [{ dedupeKey, to, subject, text, html, kind, transport, status: 'SENDING' }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return true;
  const retried = await db.emailMessage.updateMany({
    where: { dedupeKey, status: 'FAILED' },
    data: { status: 'SENDING', error: null, transport },
  });
  return retried.count === 1;
}
