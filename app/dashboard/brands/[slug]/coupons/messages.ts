import { ACCESS_MESSAGES, MONEY_MESSAGES } from '@/app/dashboard/_i18n/domain-messages';
import type { FieldFallbacks, MessageRule } from '@/app/dashboard/_i18n/localise-state';

// The English sentences the coupon form (./actions.ts), the coupon schema
// (server/domain/coupons/coupons.schema.ts) and createCoupon answer with, and the
// dictionary key for each.
export const COUPON_MESSAGES: readonly MessageRule[] = [
  ...ACCESS_MESSAGES,
  ...MONEY_MESSAGES,
  { english: /^Enter an amount like (?<example>[^,]+), or leave it empty\.$/, key: 'commerce.coupons.errors.minSubtotalFormat' },
  { english: /^Enter an amount like (?<example>[^,]+)\.$/, key: 'commerce.coupons.errors.amountFormat' },
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
