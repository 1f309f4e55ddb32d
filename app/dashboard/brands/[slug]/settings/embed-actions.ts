'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { setEmbedOrigins } from '@/server/domain/embed';
import { embedOriginRules } from '@/server/embed-frame';
import { services } from '@/server/services';

const embedOriginsFormSchema = z.object({
  slug: z.string().min(1).max(60),
  origins: z.string().max(5000).default(''),
});

/** One origin per line (commas and spaces also separate them); the domain validates each. */
export async function updateEmbedOriginsAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(embedOriginsFormSchema, form, async ({ slug, origins }, user) => {
    const { db, env } = services();
    await setEmbedOrigins(db, { userId: user.id, name: user.name }, slug, origins.split(/[\s,]+/), embedOriginRules(env));
    revalidatePath(`/dashboard/brands/${slug}/settings`);
    return { ok: true, message: t('embed.settings.saved') };
  });
  return localiseState(state, t);
}
