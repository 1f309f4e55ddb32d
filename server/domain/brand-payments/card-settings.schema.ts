import { z } from 'zod';

// A blank key keeps the saved one: the page never has the keys to fill the fields with.
const keep = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .max(300, 'TEXT_TOO_LONG')
    .refine((value) => value === '' || pattern.test(value), message)
    .transform((value) => value || null);

export const stripeKeysInputSchema = z.object({
  secretKey: keep(/^(sk|rk)_(live|test)_[A-Za-z0-9]+$/, 'STRIPE_SECRET_KEY_FORMAT'),
  publishableKey: keep(/^pk_(live|test)_[A-Za-z0-9]+$/, 'STRIPE_PUBLISHABLE_KEY_FORMAT'),
  webhookSecret: keep(/^whsec_[A-Za-z0-9]+$/, 'STRIPE_WEBHOOK_SECRET_FORMAT'),
});
export type StripeKeysInput = z.input<typeof stripeKeysInputSchema>;

export const CARD_PROVIDER_CHOICES = ['TEST', 'STRIPE'] as const;
export const cardProviderChoiceSchema = z.enum(CARD_PROVIDER_CHOICES);
export type CardProviderChoice = z.infer<typeof cardProviderChoiceSchema>;
