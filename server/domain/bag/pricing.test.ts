import { describe, expect, it } from 'vitest';
import { amountToFreeShipping, couponDiscount, orderTotals, shippingFor, type ShippingRule } from './pricing';

// The demo brand's rule: 4.00 flat, free from 50.00.
const lumen: ShippingRule = { shippingFlatMinor: 400, freeShippingOverMinor: 5000 };

describe('shipping', () => {
  it('charges the flat rate below the free-shipping amount and nothing from it on', () => {
    expect(shippingFor(4999, lumen)).toBe(400);
    expect(shippingFor(5000, lumen)).toBe(0);
    expect(shippingFor(12000, lumen)).toBe(0);
  });

  it('always charges the flat rate when the brand never ships free, and nothing for an empty order', () => {
    expect(shippingFor(1_000_000, { shippingFlatMinor: 250, freeShippingOverMinor: null })).toBe(250);
    expect(shippingFor(0, lumen)).toBe(0);
  });

  it('tells how much is missing for free shipping, and nothing once it is free or can never be', () => {
    expect(amountToFreeShipping(3800, lumen)).toBe(1200);
    expect(amountToFreeShipping(5000, lumen)).toBeNull();
    expect(amountToFreeShipping(100, { shippingFlatMinor: 400, freeShippingOverMinor: null })).toBeNull();
    expect(amountToFreeShipping(100, { shippingFlatMinor: 0, freeShippingOverMinor: 5000 })).toBeNull();
  });
});

describe('coupon discount', () => {
  it('rounds a percentage down to the minor unit', () => {
    expect(couponDiscount(999, { kind: 'PERCENT', value: 15 })).toBe(149);
    expect(couponDiscount(3800, { kind: 'PERCENT', value: 100 })).toBe(3800);
  });

  it('never gives a fixed amount larger than the subtotal', () => {
    expect(couponDiscount(3800, { kind: 'FIXED', value: 500 })).toBe(500);
    expect(couponDiscount(300, { kind: 'FIXED', value: 500 })).toBe(300);
  });
});

describe('order totals', () => {
  it('adds shipping and takes the discount off the subtotal only', () => {
    expect(orderTotals(3800, lumen, { kind: 'FIXED', value: 10_000 })).toEqual({
      subtotalMinor: 3800,
      shippingMinor: 400,
      discountMinor: 3800,
      totalMinor: 400,
    });
    expect(orderTotals(3800, lumen, { kind: 'PERCENT', value: 10 })).toEqual({
      subtotalMinor: 3800,
      shippingMinor: 400,
      discountMinor: 380,
      totalMinor: 3820,
    });
  });

  it('keeps free shipping once the subtotal reaches it, even when a coupon brings the total below', () => {
    expect(orderTotals(5400, lumen, { kind: 'PERCENT', value: 50 })).toEqual({
      subtotalMinor: 5400,
      shippingMinor: 0,
      discountMinor: 2700,
      totalMinor: 2700,
    });
  });

  it('is just the subtotal and shipping without a coupon', () => {
    expect(orderTotals(1800, lumen)).toEqual({ subtotalMinor: 1800, shippingMinor: 400, discountMinor: 0, totalMinor: 2200 });
  });
});
