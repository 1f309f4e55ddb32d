import type { FieldFallbacks, MessageRule } from '@/app/dashboard/_i18n/localise-state';

// The field sentences of the wallet schema (server/domain/wallet.schema.ts), each
// paired with its dictionary key; a schema message that is an error key
// (CARD_MONTH_RANGE) needs no rule. Refusals of the card checks and the wallet
// domain are codes and read through errorText. The one-tap sheet in the player
// posts the same fields, so it can translate with these rules too.

export const WALLET_MESSAGES: readonly MessageRule[] = [
  { english: /^Keep the [a-z ]+ under (?<max>\d+) characters\.$/, key: 'commerce.wallet.errors.tooLong' },
];

/** zod's own wording (a year that is not a number, a limit without a message) per field. */
export const WALLET_FIELDS: FieldFallbacks = {
  expMonth: 'commerce.wallet.errors.monthRequired',
  expYear: 'commerce.wallet.errors.yearInvalid',
  country: 'commerce.wallet.errors.country',
  number: 'commerce.wallet.errors.numberFormat',
  cvc: 'commerce.wallet.errors.cvcFormat',
};
