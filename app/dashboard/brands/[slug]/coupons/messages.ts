import type { FieldFallbacks } from '@/app/dashboard/_i18n/localise-state';

/** zod's own wording (lengths and limits without a message) per coupon field. */
export const COUPON_FIELDS: FieldFallbacks = {
  code: 'commerce.coupons.errors.codeFormat',
  value: 'commerce.coupons.errors.discountPositive',
  maxRedemptions: 'commerce.coupons.errors.maxRedemptionsFormat',
  perBuyerLimit: 'commerce.coupons.errors.perBuyerFormat',
  startsAt: 'commerce.coupons.errors.useDatePicker',
  expiresAt: 'commerce.coupons.errors.useDatePicker',
};
