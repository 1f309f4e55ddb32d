'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { hostInviteResponseSchema, respondToHostInvite } from '@/server/domain/shows';
import { services } from '@/server/services';

const inviteAnswerSchema = z.object({ showId: z.string().min(1).max(64), response: hostInviteResponseSchema });

export async function answerInviteAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(inviteAnswerSchema, form, async ({ showId, response }, user) => {
    await respondToHostInvite(services().db, { userId: user.id, name: user.name }, showId, response, services().env.PUBLIC_URL);
    revalidatePath('/dashboard/host');
    // The answered card leaves its list (or moves to the schedule), taking any message
    // inside it along: the page itself says what happened, and where the show is now.
    redirect(`/dashboard/host?answered=${response}&show=${encodeURIComponent(showId)}`);
  });
  return localiseState(state, t);
}
