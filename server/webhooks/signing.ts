import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Deliveries are signed the Standard Webhooks way (https://www.standardwebhooks.com/),
// so receivers can verify them with that project's libraries or a few lines of code:
//
//   Webhook-Id:        the event id (the same on every retry and replay: dedupe on it)
//   Webhook-Timestamp: Unix seconds when this attempt was sent
//   Webhook-Signature: v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>
//
// The HMAC key is the secret's bytes: the part after `whsec_`, base64-decoded.
// Receivers should compare in constant time and refuse timestamps more than a
// few minutes old, which stops a captured request from being replayed later.

const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface WebhookHeaders {
  'Webhook-Id': string;
  'Webhook-Timestamp': string;
  'Webhook-Signature': string;
}

export function signedWebhookHeaders(secret: string, id: string, body: string, now = new Date()): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'Webhook-Id': id, 'Webhook-Timestamp': String(timestamp), 'Webhook-Signature': webhookSignature(secret, id, timestamp, body) };
}

/**
 * What a receiver does: true when one of the space-separated signatures matches
 * and the timestamp is within `toleranceSeconds` of now. Kept here as the
 * reference for the documentation; the app itself only signs.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  { now = new Date(), toleranceSeconds = 300 } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, headers.id, timestamp, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
