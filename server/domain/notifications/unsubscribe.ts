import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../context';
import { AppError } from '../errors';
import {
  NOTIFICATION_TOPICS,
  setNotificationPreferences,
  type NotificationPreferences,
  type NotificationTopic,
} from './notification-preferences';

// Unsubscribe links work without signing in, from any mail client, forever:
// the token is an HMAC over who and what, so it cannot be forged or widened.

export type UnsubscribePurpose = NotificationTopic | 'all';
const PURPOSES: readonly UnsubscribePurpose[] = [...NOTIFICATION_TOPICS, 'all'];

export interface UnsubscribeRequest {
  userId: string;
  purpose: UnsubscribePurpose;
}

function signature(secret: string, userId: string, purpose: UnsubscribePurpose): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe:v1:${userId}:${purpose}`).digest();
}

export function createUnsubscribeToken(secret: string, request: UnsubscribeRequest): string {
  return `${request.userId}.${request.purpose}.${signature(secret, request.userId, request.purpose).toString('base64url')}`;
}

/** The request a token stands for; a token that was altered in any way is refused with INVALID_INPUT. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeRequest {
  const [userId, purpose, mac, ...rest] = token.split('.');
  if (!userId || !purpose || !mac || rest.length || !isPurpose(purpose))
    throw new AppError('UNSUBSCRIBE_LINK_INVALID', 'malformed unsubscribe token');
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(secret, userId, purpose);
  // Length first: timingSafeEqual throws on unequal lengths, and the length is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('UNSUBSCRIBE_LINK_INVALID', 'unsubscribe token signature mismatch');
  }
  return { userId, purpose };
}

function isPurpose(value: string): value is UnsubscribePurpose {
  return (PURPOSES as readonly string[]).includes(value);
}

export function topicsOf(purpose: UnsubscribePurpose): NotificationTopic[] {
  return purpose === 'all' ? [...NOTIFICATION_TOPICS] : [purpose];
}

export interface UnsubscribeLinks {
  /** Page that says what will be turned off and asks to confirm (the link in the email body). */
  pageUrl: string;
  /** RFC 8058 one-click endpoint for the List-Unsubscribe header (POST only). */
  oneClickUrl: string;
}

export function unsubscribeLinks(publicUrl: string, secret: string, request: UnsubscribeRequest): UnsubscribeLinks {
  const token = encodeURIComponent(createUnsubscribeToken(secret, request));
  return { pageUrl: `${publicUrl}/unsubscribe?token=${token}`, oneClickUrl: `${publicUrl}/api/unsubscribe?token=${token}` };
}

export interface UnsubscribePreview {
  purpose: UnsubscribePurpose;
  topics: NotificationTopic[];
  /** Partly hidden: whoever holds the link sees whose settings change, not the full address. */
  maskedEmail: string;
}

/** What a token would turn off, for the confirmation page. Changes nothing. */
export async function previewUnsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribePreview> {
  const request = verifyUnsubscribeToken(secret, token);
  const user = await db.user.findUnique({ where: { id: request.userId }, select: { email: true } });
  if (!user) throw new AppError('UNSUBSCRIBE_LINK_UNKNOWN', `user ${request.userId} not found`);
  return { purpose: request.purpose, topics: topicsOf(request.purpose), maskedEmail: maskEmail(user.email) };
}

/** Turns off what the token names, recording the consent change as coming from the link. Safe to repeat. */
export async function unsubscribe(
  db: Db,
  secret: string,
  token: string,
  defaultLeadMinutes: number,
): Promise<{ purpose: UnsubscribePurpose; preferences: NotificationPreferences }> {
  const request = verifyUnsubscribeToken(secret, token);
  const changes = Object.fromEntries(topicsOf(request.purpose).map((topic) => [topic, false])) as Partial<NotificationPreferences>;
  const preferences = await setNotificationPreferences(db, request.userId, changes, 'unsubscribe-link', defaultLeadMinutes).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('UNSUBSCRIBE_LINK_UNKNOWN', error.message);
      throw error;
    },
  );
  return { purpose: request.purpose, preferences };
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
