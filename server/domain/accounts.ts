import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from './errors';
import { consentPurpose, NOTIFICATION_TOPICS, type ConsentSource } from './notification-preferences';
import type { Actor, Db } from './context';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export const emailSchema = z.email('Enter a valid email address.').max(254).transform((e) => e.trim().toLowerCase());
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((p) => new Set(p).size >= 5, 'Use a less repetitive password.');
export const displayNameSchema = z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.');

// argon2id with the library's defaults (19 MiB, t=2) – OWASP's recommended floor.
export const hashPassword = (password: string) => hash(password);

// Verifying against a real hash when the email is unknown keeps the response
// time the same for known and unknown accounts, so sign-in cannot probe emails.
let unknownUserHash: Promise<string> | undefined;
const decoyHash = () => (unknownUserHash ??= hash('decoy-password-for-unknown-accounts'));

export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, deletedAt: true },
  });
  const ok = await verify(user?.passwordHash ?? (await decoyHash()), password).catch(() => false);
  if (!user || !user.passwordHash || user.deletedAt || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export const registrationSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  // Unchecked boxes are absent from a form post.
  emailReminders: z.literal('on').optional(),
});

/** A new account with email and password; its consent choice is logged. */
export async function registerAccount(db: Db, input: z.infer<typeof registrationSchema>): Promise<SignedInUser> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError('INVALID_INPUT', 'email taken', 'An account with this email already exists. Sign in instead, or ask for a sign-in link.');
  const passwordHash = await hashPassword(input.password);
  const granted = input.emailReminders === 'on';
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        notificationPreference: { create: { emailReminders: granted, emailLive: granted, emailShowChanges: granted } },
        consents: { create: NOTIFICATION_TOPICS.map((topic) => ({ purpose: consentPurpose(topic), granted, source: 'signup' satisfies ConsentSource })) },
      },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new AppError('INVALID_INPUT', 'email taken (race)', 'An account with this email already exists.');
    throw error;
  }
}

/** The account for an email proven by a sign-in link or an OAuth provider, created on first use. */
export async function findOrCreateVerifiedAccount(db: Db, email: string, name: string): Promise<SignedInUser | null> {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.upsert({
    where: { email: normalized },
    update: {},
    create: { email: normalized, name: name.trim().slice(0, 80) || normalized.split('@')[0]!, emailVerifiedAt: new Date() },
    select: { id: true, email: true, name: true, deletedAt: true, emailVerifiedAt: true },
  });
  if (user.deletedAt) return null;
  if (!user.emailVerifiedAt) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name };
}

export const passwordChangeSchema = z.object({ currentPassword: z.string().max(200).default(''), newPassword: passwordSchema });

/** Accounts made by link or OAuth have no password yet and may set one without a current one. */
export async function changePassword(db: Db, actor: Actor, input: z.infer<typeof passwordChangeSchema>): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'no such account');
  if (user.passwordHash && !(await verify(user.passwordHash, input.currentPassword).catch(() => false))) {
    throw new AppError('INVALID_INPUT', 'current password wrong', 'Your current password is not right.');
  }
  await db.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
}

/** The account behind a session, or null once it is deleted (deleted accounts lose their sessions). */
export async function activeAccount(db: Db, userId: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, deletedAt: true } });
  return user && !user.deletedAt ? { id: user.id, email: user.email, name: user.name } : null;
}
