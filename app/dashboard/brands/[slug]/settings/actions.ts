'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { ACCESS_MESSAGES, MONEY_MESSAGES } from '@/app/dashboard/_i18n/domain-messages';
import { localiseState, type MessageRule } from '@/app/dashboard/_i18n/localise-state';
import { getShippingRule, updateShippingRule } from '@/server/domain/brands';
import { formatMajorUnits } from '@/server/domain/catalog';
import { moneyMessage, parseMoney } from '@/server/domain/money-input';
import { services } from '@/server/services';

const shippingFormSchema = z.object({
  slug: z.string().min(1).max(60),
  flat: z.string().max(20),
  freeOver: z.string().max(20).default(''),
});

// updateShippingRule refuses with a code (errorText); the form's own hints are translated where they are made.
const SHIPPING_MESSAGES: readonly MessageRule[] = [...ACCESS_MESSAGES, ...MONEY_MESSAGES];

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
    if (!flatParsed.ok)
      fieldErrors.flat =
        flatParsed.problem === 'EMPTY'
          ? t('commerce.shipping.errors.flatFormat', { example })
          : moneyMessage('Shipping rate', flat, currency, flatParsed.problem);
    if (freeParsed && !freeParsed.ok) fieldErrors.freeOver = moneyMessage('Free shipping from', freeOver, currency, freeParsed.problem);
    if (shippingFlatMinor === null || Object.keys(fieldErrors).length)
      return { ok: false, code: 'INVALID_INPUT', message: t('dashboard.form.checkFields'), fieldErrors };
    await updateShippingRule(db, actor, slug, { shippingFlatMinor, freeShippingOverMinor });
    revalidatePath(`/dashboard/brands/${slug}/settings`);
    return { ok: true, message: t('commerce.shipping.saved') };
  });
  return localiseState(state, t, SHIPPING_MESSAGES);
}
