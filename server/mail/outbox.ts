// CONTRACT (implemented by the notifications work): queue an email for delivery
// through the durable job queue. The same dedupeKey is never sent twice.
import type { Db } from '../domain/context';

export interface OutgoingEmail {
  /** Stable key for this exact email, e.g. `reminder:<showId>:<userId>:<start ISO>`. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of email this is, e.g. 'show.reminder', 'brand.invite', 'auth.sign-in-link'. */
  kind: string;
}

export async function enqueueEmail(_db: Db, _email: OutgoingEmail): Promise<void> {
  throw new Error('enqueueEmail: not implemented yet');
}
