'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { requireBrandMember } from '@/server/domain/brands';
import { formatMajorUnits } from '@/server/domain/catalog';
import { moneyRefusal, parseMoney, type MoneyProblem } from '@/server/domain/money-input';
import type { ErrorParams } from '@/server/domain/errors';
import { createCoupon, setCouponActive, type CouponInput } from '@/server/domain/coupons';
import { zonedLocalToUtc } from '@/server/domain/zoned-time';
import { services } from '@/server/services';
import { COUPON_FIELDS } from './messages';

const text = (max: number) => z.string().max(max).default('');
const couponFormSchema = z.object({
  slug: z.string().min(1).max(60),
  code: text(40),
  kind: z.enum(['PERCENT', 'FIXED']),
  value: text(20),
  showId: text(64),
  minSubtotal: text(20),
  maxRedemptions: text(10),
  perBuyerLimit: text(10),
  startsAt: text(20),
  expiresAt: text(20),
});
type CouponForm = z.infer<typeof couponFormSchema>;

/**
 * The form's text fields → the domain's input in minor units and instants, or
 * what is unreadable. The sentences stay English like the domain's, and
 * COUPON_MESSAGES translates both at the end of the action.
 */
function toCouponInput(
  form: CouponForm,
  currency: string,
  timeZone: string,
): { input: CouponInput; errors: Record<string, string>; params: Record<string, ErrorParams> } {
  const errors: Record<string, string> = {};
  const params: Record<string, ErrorParams> = {};
  const refuseAmount = (field: string, text: string, problem: MoneyProblem) => {
    const refusal = moneyRefusal(text, currency, problem);
    errors[field] = refusal.reason;
    if (refusal.params) params[field] = refusal.params;
  };
  const example = formatMajorUnits(500, currency);
  const count = (value: string, field: string, message: string): number | null => {
    if (value.trim() === '') return null;
    if (!/^\d{1,7}$/.test(value.trim()) || Number(value) < 1) errors[field] = message;
    return Number(value);
  };
  const amount = form.kind === 'PERCENT' ? null : parseMoney(form.value, currency);
  const value = amount ? (amount.ok ? amount.minor : null) : /^\d{1,3}$/.test(form.value.trim()) ? Number(form.value) : null;
  if (amount && !amount.ok && amount.problem !== 'EMPTY') refuseAmount('value', form.value, amount.problem);
  else if (value === null || value < 1 || (form.kind === 'PERCENT' && value > 100)) {
    errors.value = form.kind === 'PERCENT' ? 'COUPON_FORM_PERCENT_RANGE' : 'AMOUNT_MALFORMED';
    if (form.kind !== 'PERCENT') params.value = { example };
  }
  const minSubtotal = form.minSubtotal.trim() === '' ? null : parseMoney(form.minSubtotal, currency);
  const minSubtotalMinor = minSubtotal ? (minSubtotal.ok ? minSubtotal.minor : null) : 0;
  if (minSubtotal && !minSubtotal.ok) refuseAmount('minSubtotal', form.minSubtotal, minSubtotal.problem);
  const instant = (local: string, field: string): Date | null => {
    if (local.trim() === '') return null;
    const result = zonedLocalToUtc(local.trim(), timeZone);
    if (result.ok) return result.instant;
    errors[field] = result.reason === 'skipped' ? 'COUPON_FORM_SKIPPED_TIME' : 'COUPON_FORM_USE_DATE_PICKER';
    return null;
  };
  const input: CouponInput = {
    code: form.code,
    kind: form.kind,
    value: value ?? 0,
    showId: form.showId || null,
    minSubtotalMinor: minSubtotalMinor ?? 0,
    maxRedemptions: count(form.maxRedemptions, 'maxRedemptions', 'COUPON_FORM_MAX_REDEMPTIONS_FORMAT'),
    perBuyerLimit: count(form.perBuyerLimit, 'perBuyerLimit', 'COUPON_FORM_PER_BUYER_FORMAT') ?? 1,
    startsAt: instant(form.startsAt, 'startsAt'),
    expiresAt: instant(form.expiresAt, 'expiresAt'),
  };
  if (!/^[A-Za-z0-9-]{3,32}$/.test(form.code.trim())) errors.code = 'COUPON_FORM_CODE_FORMAT';
  if (input.startsAt && input.expiresAt && input.expiresAt <= input.startsAt) errors.expiresAt = 'COUPON_FORM_END_AFTER_START';
  return { input, errors, params };
}

export async function createCouponAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(couponFormSchema, form, async (fields, user) => {
    const actor = { userId: user.id, name: user.name };
    const { db } = services();
    const brand = await requireBrandMember(db, actor, { slug: fields.slug });
    const { input, errors, params } = toCouponInput(fields, brand.currency, brand.timeZone);
    if (Object.keys(errors).length)
      return {
        ok: false,
        code: 'INVALID_INPUT',
        message: 'Please check the highlighted fields.',
        fieldErrors: errors,
        fieldParams: params,
      };
    const coupon = await createCoupon(db, actor, fields.slug, input);
    revalidatePath(`/dashboard/brands/${fields.slug}/coupons`);
    return { ok: true, message: t('commerce.coupons.form.created', { code: coupon.code }) };
  });
  return localiseState(state, t, COUPON_FIELDS);
}

const couponActiveSchema = z.object({
  slug: z.string().min(1).max(60),
  couponId: z.string().min(1).max(40),
  code: z.string().max(40).default(''),
  active: z.enum(['true', 'false']),
});

export async function setCouponActiveAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(couponActiveSchema, form, async ({ slug, couponId, code, active }, user) => {
    await setCouponActive(services().db, { userId: user.id, name: user.name }, slug, couponId, active === 'true');
    revalidatePath(`/dashboard/brands/${slug}/coupons`);
    return { ok: true, message: t(active === 'true' ? 'commerce.coupons.reactivated' : 'commerce.coupons.deactivated', { code }) };
  });
  return localiseState(state, t);
}
