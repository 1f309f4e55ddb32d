import { createHash, randomBytes } from 'node:crypto';
import { enqueueEmail } from '../mail/outbox';
import { findOrCreateVerifiedAccount, type SignedInUser } from './accounts';
import { AppError } from './errors';
import type { Db } from './context';

const LINK_LIFETIME_MS = 15 * 60 * 1000;
const LINKS_PER_EMAIL_PER_HOUR = 5;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Emails a one-time sign-in link. Unknown emails get one too (the link creates
 * the account), so the answer never reveals whether an account exists.
 */
export async function requestSignInLink(db: Db, email: string, opts: { publicUrl: string; callbackUrl: string }): Promise<void> {
  const recent = await db.signInToken.count({ where: { email, createdAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } } });
  if (recent >= LINKS_PER_EMAIL_PER_HOUR) throw new AppError('RATE_LIMITED', `sign-in links for ${email}`, 'We have sent several links already. Check your inbox or try again in an hour.');
  const user = await db.user.findUnique({ where: { email }, select: { deletedAt: true } });
  if (user?.deletedAt) return;
  const token = randomBytes(32).toString('base64url');
  const row = await db.signInToken.create({ data: { email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) }, select: { id: true } });
  const link = `${opts.publicUrl}/signin/link?token=${token}&callbackUrl=${encodeURIComponent(opts.callbackUrl)}`;
  await enqueueEmail(db, {
    dedupeKey: `sign-in-link:${row.id}`,
    to: email,
    kind: 'auth.sign-in-link',
    subject: 'Your sign-in link',
    text: `Open this link to sign in. It works once, for 15 minutes:\n\n${link}\n\nIf you did not ask for it, ignore this email.`,
    html: `<p>Open this link to sign in. It works once, for 15 minutes:</p><p><a href="${link}">Sign in to Live Commerce</a></p><p>If you did not ask for it, ignore this email.</p>`,
  });
}

/** Spends a sign-in link: valid once, before it expires. */
export async function consumeSignInLink(db: Db, token: string): Promise<SignedInUser | null> {
  // The conditional update is the "once": two clicks racing, only one changes the row.
  const spent = await db.signInToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
    select: { email: true },
  });
  const email = spent[0]?.email;
  if (!email) return null;
  return findOrCreateVerifiedAccount(db, email, email.split('@')[0]!);
}
