'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { setBrandTimeZone } from '@/server/domain/brands';
import { services } from '@/server/services';

const timeZoneFormSchema = z.object({ slug: z.string().min(1).max(60), timeZone: z.string().max(80) });

export async function updateTimeZoneAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(timeZoneFormSchema, form, async ({ slug, timeZone }, user) => {
    await setBrandTimeZone(services().db, { userId: user.id, name: user.name }, slug, timeZone);
    // Every page that reads or enters a show time in the brand's zone.
    revalidatePath(`/dashboard/brands/${slug}`, 'layout');
    return { ok: true, message: t('commerce.timeZone.saved') };
  });
  return localiseState(state, t);
}
