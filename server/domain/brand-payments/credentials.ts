import { z } from 'zod';
import { AppError } from '../errors';
import { openSecret, sealSecret } from '../simulcast';
import type { StripeCredentials } from '../stripe-payments';

// A provider's keys are sealed as one JSON value with secret-box (AES-256-GCM under SECRETS_KEY).
// The purpose and kind are sealed inside it, so a sealed stream key or another provider's sealed
// keys cannot be passed off as a brand's Stripe keys.
const PURPOSE = 'brand-payment-provider';

const sealedStripe = z.object({
  purpose: z.literal(PURPOSE),
  kind: z.literal('STRIPE'),
  secretKey: z.string(),
  publishableKey: z.string(),
  webhookSecret: z.string(),
});

export function sealStripeCredentials(key: Buffer, credentials: StripeCredentials): string {
  return sealSecret(key, JSON.stringify({ purpose: PURPOSE, kind: 'STRIPE', ...credentials }));
}

export function openStripeCredentials(key: Buffer, sealed: string): StripeCredentials {
  const parsed = sealedStripe.safeParse(JSON.parse(openSecret(key, sealed)));
  if (!parsed.success) throw new AppError('INTERNAL', 'sealed payment credentials are not Stripe keys');
  const { secretKey, publishableKey, webhookSecret } = parsed.data;
  return { secretKey, publishableKey, webhookSecret };
}

/** All a page ever shows of a key. */
export const lastFour = (value: string) => (value ? value.slice(-4) : '');
