// Queues email for delivery through the durable job queue, so sending never
// blocks a request and survives a restart. The same dedupeKey is never sent twice.
import { AppError } from '../domain/errors';
import type { PrismaClient as Db } from '../db/client';
import { emailSendPayloadSchema, type EmailSendPayload } from '../jobs/kinds';
import { enqueueJobs } from '../jobs/queue';

export interface OutgoingEmail {
  /** Stable key for this exact email, e.g. `reminder:<showId>:<userId>:<start ISO>`. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of email this is, e.g. 'show.reminder', 'brand.invite', 'auth.sign-in-link'. */
  kind: string;
  /** One-click unsubscribe endpoint (RFC 8058); notification emails set it, transactional ones do not. */
  listUnsubscribeUrl?: string;
}

// With the queue's doubling backoff, eight attempts keep trying through about two hours of SMTP outage.
const EMAIL_MAX_ATTEMPTS = 8;

export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<void> {
  await enqueueEmails(db, [email]);
}

/** Queues several emails in one statement; those whose dedupeKey was queued before are skipped. */
export async function enqueueEmails(db: Db, emails: readonly OutgoingEmail[]): Promise<number> {
  return enqueueJobs(db, emails.map(emailJobRow));
}

/**
 * The job row that sends `email`, for callers that write it themselves in the
 * same statement as the change it reports (the one-tap purchase does).
 */
export function emailJobRow(email: OutgoingEmail): {
  kind: 'email.send';
  payload: EmailSendPayload;
  dedupeKey: string;
  maxAttempts: number;
} {
  const payload = toPayload(email);
  return { kind: 'email.send', payload, dedupeKey: emailJobKey(payload.dedupeKey), maxAttempts: EMAIL_MAX_ATTEMPTS };
}

/** The job's dedupeKey for an email; job keys share one namespace with other kinds of job. */
export function emailJobKey(emailDedupeKey: string): string {
  return `email:${emailDedupeKey}`;
}

function toPayload(email: OutgoingEmail): EmailSendPayload {
  const parsed = emailSendPayloadSchema.safeParse(email);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('INVALID_INPUT', `email ${email.dedupeKey} is not valid: ${fields}`);
  }
  // Header injection guard: a subject is one line whatever a title contained.
  return { ...parsed.data, subject: parsed.data.subject.replace(/[\r\n]+/g, ' ') };
}
