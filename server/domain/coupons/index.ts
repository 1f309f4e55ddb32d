// Coupons: a brand's codes, checking and claiming one at checkout, giving a use back.
//
// The module's public door: code outside server/domain/coupons/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { releaseCouponUse } from './coupon-release';
export { couponCodeSchema, couponInputSchema } from './coupons.schema';
export {
  type AppliedCoupon,
  checkCoupon,
  claimCoupon,
  type CouponInput,
  couponShowChoices,
  type CouponState,
  type CouponView,
  createCoupon,
  listCoupons,
  setCouponActive,
} from './coupons';
