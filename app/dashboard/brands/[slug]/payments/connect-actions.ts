'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { saveBrandConnect } from '@/server/domain/connect-payouts';
import { services } from '@/server/services';

const connectForm = z.object({
  slug: z.string().min(1).max(60),
  accountId: z.string().max(80).default(''),
  // An unticked checkbox is absent from the form.
  payoutsEnabled: z.literal('on').optional(),
});

export async function saveBrandConnectAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(connectForm, form, async ({ slug, accountId, payoutsEnabled }, user) => {
    await saveBrandConnect(services().db, { userId: user.id, name: user.name }, slug, {
      accountId,
      payoutsEnabled: payoutsEnabled === 'on',
    });
    revalidatePath(`/dashboard/brands/${slug}/payments`);
    return { ok: true, message: t('connect.done') };
  });
  return localiseState(state, t);
}
