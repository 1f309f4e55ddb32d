'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { getShippingRule, updateShippingRule } from '@/server/domain/brands';
import { formatMajorUnits } from '@/server/domain/catalog';
import { moneyRefusal, parseMoney } from '@/server/domain/money-input';
import type { ErrorParams } from '@/server/domain/errors';
import { services } from '@/server/services';

const shippingFormSchema = z.object({
  slug: z.string().min(1).max(60),
  flat: z.string().max(20),
  freeOver: z.string().max(20).default(''),
});

// updateShippingRule refuses with a code (errorText); an unreadable amount is a reason with params beside its field.

export async function updateShippingAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(shippingFormSchema, form, async ({ slug, flat, freeOver }, user) => {
    const actor = { userId: user.id, name: user.name };
    const { db } = services();
    const { currency } = await getShippingRule(db, actor, slug);
    const example = formatMajorUnits(450, currency);
    const flatParsed = parseMoney(flat, currency);
    const freeParsed = freeOver.trim() === '' ? null : parseMoney(freeOver, currency);
    const shippingFlatMinor = flatParsed.ok ? flatParsed.minor : null;
    const freeShippingOverMinor = freeParsed?.ok ? freeParsed.minor : null;
    const fieldErrors: Record<string, string> = {};
    const fieldParams: Record<string, ErrorParams> = {};
    const refuse = (field: string, refusal: { reason: string; params?: ErrorParams }) => {
      fieldErrors[field] = refusal.reason;
      if (refusal.params) fieldParams[field] = refusal.params;
    };
    // A rate is required; an empty one is told that 0 means free.
    if (!flatParsed.ok && flatParsed.problem === 'EMPTY') refuse('flat', { reason: 'SHIPPING_RATE_FORMAT', params: { example } });
    else if (!flatParsed.ok) refuse('flat', moneyRefusal(flat, currency, flatParsed.problem));
    if (freeParsed && !freeParsed.ok) refuse('freeOver', moneyRefusal(freeOver, currency, freeParsed.problem));
    if (shippingFlatMinor === null || Object.keys(fieldErrors).length)
      return { ok: false, code: 'INVALID_INPUT', message: t('dashboard.form.checkFields'), fieldErrors, fieldParams };
    await updateShippingRule(db, actor, slug, { shippingFlatMinor, freeShippingOverMinor });
    revalidatePath(`/dashboard/brands/${slug}/settings`);
    return { ok: true, message: t('commerce.shipping.saved') };
  });
  return localiseState(state, t);
}
