import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

// Provider webhooks are signed like Stripe's: `Payment-Signature: t=<unix>,v1=<hex>`
// where hex = HMAC-SHA256(secret, `${t}.${body}`). The timestamp is inside the
// signed text, so an old captured request cannot be replayed with a new time.

export const PAYMENT_SIGNATURE_HEADER = 'Payment-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/**
 * The webhook secret, derived from AUTH_SECRET so there is nothing extra to
 * configure and it changes when AUTH_SECRET does. A real provider would give us
 * its own secret instead.
 */
export function paymentWebhookSecret(authSecret: string): string {
  return createHmac('sha256', authSecret).update('payment-webhooks').digest('hex');
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signPaymentWebhook(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

function refused(why: string): AppError {
  return new AppError('WEBHOOK_SIGNATURE_INVALID', `payment webhook refused: ${why}`);
}

/** Throws FORBIDDEN unless `header` signs exactly `body` with `secret` within the tolerance. */
export function verifyPaymentWebhook(
  secret: string,
  header: string | null,
  body: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): void {
  if (!header) throw refused('no signature header');
  const parts = new Map<string, string[]>();
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=');
    if (at <= 0) continue;
    const key = piece.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), piece.slice(at + 1).trim()]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(timestamp)) throw refused('no timestamp');
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw refused('timestamp outside tolerance');
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  // Several v1 values are allowed so a secret can be rotated without downtime.
  const matches = (parts.get('v1') ?? []).some((candidate) => {
    const given = /^[0-9a-f]+$/i.test(candidate) ? Buffer.from(candidate, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw refused('signature mismatch');
}
