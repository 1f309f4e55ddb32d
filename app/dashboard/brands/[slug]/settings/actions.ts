'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { getShippingRule, updateShippingRule } from '@/server/domain/brand-shipping';
import { formatMajorUnits, parseMajorUnits } from '@/server/domain/catalog-format';
import { services } from '@/server/services';

const shippingFormSchema = z.object({ slug: z.string().min(1).max(60), flat: z.string().max(20), freeOver: z.string().max(20).default('') });

export async function updateShippingAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(shippingFormSchema, form, async ({ slug, flat, freeOver }, user) => {
    const actor = { userId: user.id, name: user.name };
    const { db } = services();
    const { currency } = await getShippingRule(db, actor, slug);
    const example = formatMajorUnits(450, currency);
    const shippingFlatMinor = parseMajorUnits(flat, currency);
    const freeShippingOverMinor = freeOver.trim() === '' ? null : parseMajorUnits(freeOver, currency);
    const fieldErrors: Record<string, string> = {};
    if (shippingFlatMinor === null) fieldErrors.flat = `Enter an amount like ${example}, or 0 for free shipping.`;
    if (freeShippingOverMinor === null && freeOver.trim() !== '') fieldErrors.freeOver = `Enter an amount like ${example}, or leave it empty.`;
    if (shippingFlatMinor === null || Object.keys(fieldErrors).length) return { ok: false, code: 'INVALID_INPUT', message: 'Please check the highlighted fields.', fieldErrors };
    await updateShippingRule(db, actor, slug, { shippingFlatMinor, freeShippingOverMinor });
    revalidatePath(`/dashboard/brands/${slug}/settings`);
    return { ok: true, message: 'Shipping saved. It applies to orders placed from now on.' };
  });
}
