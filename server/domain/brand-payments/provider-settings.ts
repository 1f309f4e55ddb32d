import { z } from 'zod';
import type { PayoutSettings } from '../stripe-payments';

// BrandPaymentProvider.settings of a STRIPE row: only the Connect payouts switch and accounts.
const accountId = z.string().regex(/^acct_[A-Za-z0-9]+$/, 'STRIPE_ACCOUNT_FORMAT');

export const stripeRowSettingsSchema = z.object({
  payouts: z
    .object({
      enabled: z.boolean().default(false),
      brandAccount: accountId.nullable().default(null),
      hostAccounts: z.record(z.string(), accountId).default({}),
    })
    .default({ enabled: false, brandAccount: null, hostAccounts: {} }),
});

export function payoutSettingsOf(settings: unknown): PayoutSettings {
  const parsed = stripeRowSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data.payouts : { enabled: false, brandAccount: null, hostAccounts: {} };
}
