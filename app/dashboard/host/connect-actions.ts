'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { saveMyConnectAccount } from '@/server/domain/connect-payouts';
import { services } from '@/server/services';

export async function saveMyConnectAccountAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(z.object({ accountId: z.string().max(80).default('') }), form, async ({ accountId }, user) => {
    await saveMyConnectAccount(services().db, { userId: user.id, name: user.name }, accountId);
    revalidatePath('/dashboard/host');
    return { ok: true, message: t('connect.hostDone') };
  });
  return localiseState(state, t);
}
