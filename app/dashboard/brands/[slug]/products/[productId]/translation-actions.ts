'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { LOCALE_NAMES, LOCALES } from '@/app/_i18n/locales';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { setProductTranslation } from '@/server/domain/product-content';
import { services } from '@/server/services';

const schema = z.object({ locale: z.enum(LOCALES), title: z.string().max(300).default(''), description: z.string().max(6000).default('') });

/** Saves one language's words of a product; variant names come as `variant:<id>` fields. */
export async function saveTranslationAction(slug: string, productId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const variants = [...form.entries()]
    .filter(([name]) => name.startsWith('variant:'))
    .map(([name, value]) => ({ id: name.slice('variant:'.length), name: String(value) }));
  const state = await formAction(schema, form, async (input, user) => {
    await setProductTranslation(services().db, { userId: user.id, name: user.name }, slug, productId, { ...input, variants });
    revalidatePath(`/dashboard/brands/${slug}/products/${productId}`);
    return { ok: true, message: t('support.translations.saved', { language: LOCALE_NAMES[input.locale] }) };
  });
  return localiseState(state, t);
}
