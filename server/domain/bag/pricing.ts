// Pure money rules for an order: shipping under a brand's rule, a coupon's
// discount and the totals. Every amount is in minor units of one currency.

export interface ShippingRule {
  /** Charged once per order. */
  shippingFlatMinor: number;
  /** Shipping is free when the item subtotal reaches this; null: never free. */
  freeShippingOverMinor: number | null;
}

export interface CouponTerms {
  kind: 'PERCENT' | 'FIXED';
  /** PERCENT: 1..100; FIXED: minor units. */
  value: number;
}

export interface OrderTotals {
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  totalMinor: number;
}

/**
 * Shipping for an item subtotal. The free-shipping threshold is compared with
 * the subtotal before any coupon: a coupon lowers what the items cost, it does
 * not take away free shipping the buyer already reached. Nothing to ship, nothing to pay.
 */
export function shippingFor(subtotalMinor: number, rule: ShippingRule): number {
  if (subtotalMinor <= 0) return 0;
  if (rule.freeShippingOverMinor !== null && subtotalMinor >= rule.freeShippingOverMinor) return 0;
  return rule.shippingFlatMinor;
}

/** How much more the buyer would need to add for free shipping; null when it is already free or never is. */
export function amountToFreeShipping(subtotalMinor: number, rule: ShippingRule): number | null {
  if (rule.freeShippingOverMinor === null || rule.shippingFlatMinor === 0) return null;
  const missing = rule.freeShippingOverMinor - subtotalMinor;
  return missing > 0 ? missing : null;
}

/** A coupon's discount on the item subtotal (never on shipping): percentages round down, a fixed amount never exceeds the subtotal. */
export function couponDiscount(subtotalMinor: number, coupon: CouponTerms): number {
  if (subtotalMinor <= 0) return 0;
  switch (coupon.kind) {
    case 'PERCENT':
      return Math.floor((subtotalMinor * Math.min(Math.max(coupon.value, 0), 100)) / 100);
    case 'FIXED':
      return Math.min(Math.max(coupon.value, 0), subtotalMinor);
    default: {
      const unreachable: never = coupon.kind;
      throw new Error(`unknown coupon kind ${String(unreachable)}`);
    }
  }
}

/** The order's breakdown: total = subtotal + shipping − discount, never below zero. */
export function orderTotals(subtotalMinor: number, rule: ShippingRule, coupon: CouponTerms | null = null): OrderTotals {
  const shippingMinor = shippingFor(subtotalMinor, rule);
  const discountMinor = coupon ? couponDiscount(subtotalMinor, coupon) : 0;
  return { subtotalMinor, shippingMinor, discountMinor, totalMinor: subtotalMinor + shippingMinor - discountMinor };
}
