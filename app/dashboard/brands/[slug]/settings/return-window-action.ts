'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { setReturnWindow } from '@/server/domain/order-help';
import { services } from '@/server/services';

const returnWindowFormSchema = z.object({ slug: z.string().min(1).max(60), days: z.string().max(20) });

export async function updateReturnWindowAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(returnWindowFormSchema, form, async ({ slug, days }, user) => {
    await setReturnWindow(services().db, { userId: user.id, name: user.name }, slug, days);
    revalidatePath(`/dashboard/brands/${slug}/settings`);
    return { ok: true, message: t('commerce.returns.saved') };
  });
  return localiseState(state, t);
}
