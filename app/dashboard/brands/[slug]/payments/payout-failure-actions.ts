'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { retryFailedPayout } from '@/server/domain/connect-payouts';
import { services } from '@/server/services';

const retryForm = z.object({ slug: z.string().min(1).max(60), jobId: z.string().min(1).max(64) });

/** "Try again" on a failed Connect payout or reversal: its job runs once more; a second click queues nothing. */
export async function retryPayoutAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(retryForm, form, async ({ slug, jobId }, user) => {
    const { queued } = await retryFailedPayout(services().db, { userId: user.id, name: user.name }, slug, jobId);
    revalidatePath(`/dashboard/brands/${slug}/payments`);
    return { ok: true, message: queued ? t('payoutFailures.queued') : t('payoutFailures.alreadyQueued') };
  });
  return localiseState(state, t);
}
