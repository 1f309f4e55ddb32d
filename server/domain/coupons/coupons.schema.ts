import { z } from 'zod';

export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{3,32}$/, 'COUPON_FORM_CODE_FORMAT');

/** A coupon as the brand defines it: amounts in minor units, times as instants. */
export const couponInputSchema = z
  .object({
    code: couponCodeSchema,
    kind: z.enum(['PERCENT', 'FIXED']),
    value: z.number().int().min(1, 'COUPON_FORM_DISCOUNT_POSITIVE').max(100_000_000),
    showId: z.string().min(1).max(64).nullable().default(null),
    minSubtotalMinor: z.number().int().min(0).max(100_000_000).default(0),
    maxRedemptions: z.number().int().min(1).max(10_000_000).nullable().default(null),
    perBuyerLimit: z.number().int().min(1).max(1000).default(1),
    startsAt: z.date().nullable().default(null),
    expiresAt: z.date().nullable().default(null),
  })
  .refine((c) => c.kind !== 'PERCENT' || c.value <= 100, { path: ['value'], message: 'COUPON_FORM_PERCENT_BETWEEN' })
  .refine((c) => !c.startsAt || !c.expiresAt || c.expiresAt > c.startsAt, {
    path: ['expiresAt'],
    message: 'COUPON_FORM_END_AFTER_START',
  });
export type CouponInput = z.input<typeof couponInputSchema>;

export type CouponState = 'ACTIVE' | 'SCHEDULED' | 'EXPIRED' | 'USED_UP' | 'INACTIVE';

export interface CouponView {
  id: string;
  code: string;
  kind: 'PERCENT' | 'FIXED';
  value: number;
  currency: string;
  show: { id: string; title: string } | null;
  minSubtotalMinor: number;
  maxRedemptions: number | null;
  redemptionCount: number;
  perBuyerLimit: number;
  startsAt: string | null;
  expiresAt: string | null;
  active: boolean;
  state: CouponState;
}

/** What a buyer's checkout needs of a coupon that passed every check. */
export interface AppliedCoupon {
  id: string;
  code: string;
  kind: 'PERCENT' | 'FIXED';
  value: number;
  perBuyerLimit: number;
}
