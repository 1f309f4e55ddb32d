import { createHash, createHmac, randomUUID } from 'node:crypto';
import { enqueueJobs } from '../../jobs/queue';
import { findOrCreateVerifiedAccount, markEmailVerified, type SessionAccount } from './accounts';
import { AppError } from '../errors';
import type { Db } from '../context';

const LINK_LIFETIME_MS = 15 * 60 * 1000;
const VERIFY_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
const LINKS_PER_EMAIL_PER_HOUR = 5;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The secret in a link, derived from the row's id and AUTH_SECRET. Nothing
 * stored holds it: the row keeps its hash, the email job only the row's id
 * (the job recomputes the link when it sends), so a copy of the database or of
 * the job queue cannot sign anyone in.
 */
export function linkToken(secret: string, purpose: 'sign-in' | 'brand-invite', id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

export type LinkPurpose = 'sign-in' | 'verify-email';

async function createLink(
  db: Db,
  secret: string,
  row: { email: string; purpose: LinkPurpose; userId?: string; lifetimeMs: number },
  callbackUrl: string,
): Promise<void> {
  const id = randomUUID();
  await db.signInToken.create({
    data: {
      id,
      email: row.email,
      purpose: row.purpose,
      userId: row.userId ?? null,
      tokenHash: hashToken(linkToken(secret, 'sign-in', id)),
      expiresAt: new Date(Date.now() + row.lifetimeMs),
    },
  });
  await enqueueJobs(db, [{ kind: 'auth.link-email', payload: { tokenId: id, callbackUrl }, dedupeKey: `auth-link:${id}`, maxAttempts: 8 }]);
}

/**
 * Emails a one-time sign-in link. Unknown emails get one too (the link creates
 * the account), so the answer never reveals whether an account exists.
 */
export async function requestSignInLink(db: Db, email: string, opts: { secret: string; callbackUrl: string }): Promise<void> {
  const recent = await db.signInToken.count({ where: { email, createdAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } } });
  if (recent >= LINKS_PER_EMAIL_PER_HOUR) throw new AppError('SIGN_IN_LINKS_LIMIT', `sign-in links for ${email}`);
  const user = await db.user.findUnique({ where: { email }, select: { deletedAt: true } });
  if (user?.deletedAt) return;
  await createLink(db, opts.secret, { email, purpose: 'sign-in', lifetimeMs: LINK_LIFETIME_MS }, opts.callbackUrl);
}

/** The link a password sign-up gets: opening it proves the address and keeps the password. */
export async function requestEmailVerification(db: Db, user: { id: string; email: string }, opts: { secret: string }): Promise<void> {
  await createLink(
    db,
    opts.secret,
    { email: user.email, purpose: 'verify-email', userId: user.id, lifetimeMs: VERIFY_LIFETIME_MS },
    '/account',
  );
}

/**
 * Spends a link: valid once, before it expires. A sign-in link is proof of
 * the mailbox and nothing else; a verification link also proves that the
 * account it was sent for (and its password) belongs to the mailbox's owner.
 */
export async function consumeSignInLink(db: Db, token: string): Promise<SessionAccount | null> {
  // The conditional update is the "once": two clicks racing, only one changes the row.
  const spent = await db.signInToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
    select: { email: true, purpose: true, userId: true },
  });
  const link = spent[0];
  if (!link) return null;
  if (link.purpose === 'verify-email') return link.userId ? markEmailVerified(db, link.userId, link.email) : null;
  return findOrCreateVerifiedAccount(db, link.email, link.email.split('@')[0]!);
}
