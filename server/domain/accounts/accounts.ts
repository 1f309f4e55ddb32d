import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../errors';
import { withHashSlot } from './hash-slots';
import { announceAccountEvent } from './session-revocation';
import { checkThrottle, countThrottle, policies, takeThrottle, type ThrottleLimits } from '../throttle';
import { consentPurpose, NOTIFICATION_TOPICS, type ConsentSource } from '../notifications';
import type { Actor, Db } from '../context';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export const emailSchema = z
  .email('TEAM_EMAIL_INVALID')
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const passwordSchema = z
  .string()
  .min(10, 'TEXT_TOO_SHORT')
  .max(200, 'TEXT_TOO_LONG')
  .refine((p) => new Set(p).size >= 5, 'PASSWORD_REPETITIVE');
export const displayNameSchema = z.string().trim().min(1, 'PROFILE_NAME_REQUIRED').max(80, 'TEXT_TOO_LONG');

// argon2id with the library's defaults (19 MiB, t=2) – OWASP's recommended floor.
export const hashPassword = (password: string) => withHashSlot(() => hash(password));

// Verifying against a real hash when the email is unknown keeps the response
// time the same for known and unknown accounts, so sign-in cannot probe emails.
let unknownUserHash: Promise<string> | undefined;
const decoyHash = () => (unknownUserHash ??= withHashSlot(() => hash('decoy-password-for-unknown-accounts')));

/** The account a session token may be minted for: its version goes into the token. */
export interface SessionAccount extends SignedInUser {
  sessionVersion: number;
}

/** Where a sign-in or sign-up comes from, and the throttles that apply. */
export interface AttemptContext {
  ip: string | null;
  limits: ThrottleLimits;
}

/**
 * Password sign-in. Failures are counted per address and per email (known or
 * not, so the limit reveals nothing); past either limit every attempt is
 * refused with RATE_LIMITED before any hashing.
 */
export async function verifyCredentials(db: Db, email: string, password: string, ctx?: AttemptContext): Promise<SessionAccount | null> {
  const normalized = email.trim().toLowerCase();
  const limits = ctx && policies(ctx.limits);
  if (ctx && limits) {
    await checkThrottle(db, limits.signInFailuresPerIp, ctx.ip);
    await checkThrottle(db, limits.signInFailuresPerAccount, normalized);
  }
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, deletedAt: true, sessionVersion: true },
  });
  const decoy = await decoyHash();
  const ok = await withHashSlot(() => verify(user?.passwordHash ?? decoy, password).catch(() => false));
  if (!user || !user.passwordHash || user.deletedAt || !ok) {
    if (ctx && limits) {
      await countThrottle(db, limits.signInFailuresPerIp, ctx.ip);
      await countThrottle(db, limits.signInFailuresPerAccount, normalized);
    }
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const registrationSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  // Unchecked boxes are absent from a form post.
  emailReminders: z.literal('on').optional(),
});

/**
 * A new account with email and password; its consent choice is logged. The
 * email is unproven until the person opens the verification link
 * (sign-in-links.ts): until then a verified sign-in for that address by
 * anyone else (email link, OAuth) takes the address over and drops this password.
 */
export async function registerAccount(db: Db, input: z.infer<typeof registrationSchema>, ctx?: AttemptContext): Promise<SignedInUser> {
  if (ctx) await takeThrottle(db, policies(ctx.limits).signUpsPerIp, ctx.ip);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError('EMAIL_TAKEN', 'email taken');
  const passwordHash = await hashPassword(input.password);
  const granted = input.emailReminders === 'on';
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        notificationPreference: { create: { emailReminders: granted, emailLive: granted, emailShowChanges: granted } },
        consents: {
          create: NOTIFICATION_TOPICS.map((topic) => ({
            purpose: consentPurpose(topic),
            granted,
            source: 'signup' satisfies ConsentSource,
          })),
        },
      },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new AppError('EMAIL_TAKEN', 'email taken (race)');
    throw error;
  }
}

/**
 * The account for an email proven by a sign-in link or an OAuth provider,
 * created on first use. The first proof for an account made with an unproven
 * password (someone may have registered another person's address to wait for
 * them: account pre-hijacking) drops that password and ends its sessions.
 */
export async function findOrCreateVerifiedAccount(db: Db, email: string, name: string): Promise<SessionAccount | null> {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.upsert({
    where: { email: normalized },
    update: {},
    create: { email: normalized, name: name.trim().slice(0, 80) || normalized.split('@')[0]!, emailVerifiedAt: new Date() },
    select: { id: true, email: true, name: true, deletedAt: true, emailVerifiedAt: true, sessionVersion: true },
  });
  if (user.deletedAt) return null;
  if (user.emailVerifiedAt) return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  // Conditional on still being unverified: two first sign-ins racing take over once.
  const takenOver = await db.user.updateManyAndReturn({
    where: { id: user.id, emailVerifiedAt: null },
    data: { emailVerifiedAt: new Date(), passwordHash: null, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  if (takenOver[0]) {
    announceAccountEvent({ kind: 'sessions-revoked', userId: user.id });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: takenOver[0].sessionVersion };
  }
  const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: now.sessionVersion };
}

/** The registrant proved the mailbox with the link sent at sign-up: the password stays. */
export async function markEmailVerified(db: Db, userId: string, email: string): Promise<SessionAccount | null> {
  await db.user.updateMany({ where: { id: userId, email, deletedAt: null, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, deletedAt: true, sessionVersion: true },
  });
  if (!user || user.deletedAt || user.email !== email) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const passwordChangeSchema = z.object({ currentPassword: z.string().max(200).default(''), newPassword: passwordSchema });

/**
 * Accounts made by link or OAuth have no password yet and may set one without
 * a current one. Every session ends (a thief with the old password or a stolen
 * cookie is out); the caller re-issues the current device's session with the
 * returned version.
 */
export async function changePassword(db: Db, actor: Actor, input: z.infer<typeof passwordChangeSchema>): Promise<number> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'no such account');
  if (user.passwordHash && !(await withHashSlot(() => verify(user.passwordHash!, input.currentPassword).catch(() => false)))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', 'current password wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await db.user.update({
    where: { id: actor.userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  announceAccountEvent({ kind: 'sessions-revoked', userId: actor.userId });
  return updated.sessionVersion;
}

/**
 * Proves the person at the keyboard knows the account's password before something that cannot be
 * undone (deleting the account). An account without a password (email link, OAuth) has nothing to prove.
 */
export async function verifyAccountPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) return true;
  return withHashSlot(() => verify(user.passwordHash!, password).catch(() => false));
}

/** The account behind a session, or null once it is deleted (deleted accounts lose their sessions). */
export async function activeAccount(db: Db, userId: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, deletedAt: true } });
  return user && !user.deletedAt ? { id: user.id, email: user.email, name: user.name } : null;
}

/**
 * The account behind a session token, or null once the token is stale: the
 * account was deleted, or its sessions were revoked after the token was issued
 * (tokens from before versions existed carry none and count as version 0).
 */
export async function activeSession(db: Db, userId: string, tokenVersion: number | undefined): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, deletedAt: true, sessionVersion: true },
  });
  if (!user || user.deletedAt || user.sessionVersion !== (tokenVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name };
}
