import { ACCESS_MESSAGES } from '@/app/dashboard/_i18n/domain-messages';
import type { FieldFallbacks, MessageRule } from '@/app/dashboard/_i18n/localise-state';

// The English sentences the coupon form (./actions.ts), the coupon schema
// (server/domain/coupons.schema.ts) and createCoupon answer with, and the
// dictionary key for each.
export const COUPON_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  { english: 'Enter a whole percentage from 1 to 100.', key: 'commerce.coupons.errors.percentRange' },
  { english: /^Enter an amount like (?<example>[^,]+), or leave it empty\.$/, key: 'commerce.coupons.errors.minSubtotalFormat' },
  { english: /^Enter an amount like (?<example>[^,]+)\.$/, key: 'commerce.coupons.errors.amountFormat' },
  {
    english: 'That time does not exist on the clock that day (daylight saving). Pick another.',
    key: 'commerce.coupons.errors.skippedTime',
  },
  { english: 'Use the date and time picker.', key: 'commerce.coupons.errors.useDatePicker' },
  { english: 'Enter a whole number of uses, or leave it empty for no limit.', key: 'commerce.coupons.errors.maxRedemptionsFormat' },
  { english: 'Enter a whole number, 1 or more.', key: 'commerce.coupons.errors.perBuyerFormat' },
  { english: 'Use 3 to 32 letters, digits or dashes.', key: 'commerce.coupons.errors.codeFormat' },
  { english: 'The end must be after the start.', key: 'commerce.coupons.errors.endAfterStart' },
  { english: 'The discount must be more than zero.', key: 'commerce.coupons.errors.discountPositive' },
  { english: 'A percentage is between 1 and 100.', key: 'commerce.coupons.errors.percentBetween' },
  { english: 'We could not find that show.', key: 'commerce.coupons.errors.showNotFound' },
];

/** zod's own wording (lengths and limits without a message) per coupon field. */
export const COUPON_FIELDS: FieldFallbacks = {
  code: 'commerce.coupons.errors.codeFormat',
  value: 'commerce.coupons.errors.discountPositive',
  maxRedemptions: 'commerce.coupons.errors.maxRedemptionsFormat',
  perBuyerLimit: 'commerce.coupons.errors.perBuyerFormat',
  startsAt: 'commerce.coupons.errors.useDatePicker',
  expiresAt: 'commerce.coupons.errors.useDatePicker',
};
