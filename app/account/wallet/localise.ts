import type { FieldFallbacks } from '@/app/dashboard/_i18n/localise-state';

// Wallet fields whose message is zod's own wording (the schema's other messages
// are error keys, its limits TEXT_TOO_LONG with {max}); the one-tap sheet in the
// player posts the same fields and uses these hints too.
/** zod's own wording (a year that is not a number, a limit without a message) per field. */
export const WALLET_FIELDS: FieldFallbacks = {
  expMonth: 'commerce.wallet.errors.monthRequired',
  expYear: 'commerce.wallet.errors.yearInvalid',
  country: 'commerce.wallet.errors.country',
  number: 'commerce.wallet.errors.numberFormat',
  cvc: 'commerce.wallet.errors.cvcFormat',
};
