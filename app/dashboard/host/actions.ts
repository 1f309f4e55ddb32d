'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { hostInviteResponseSchema, respondToHostInvite } from '@/server/domain/scheduling';
import { services } from '@/server/services';

const inviteAnswerSchema = z.object({ showId: z.string().min(1).max(64), response: hostInviteResponseSchema });

export async function answerInviteAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(inviteAnswerSchema, form, async ({ showId, response }, user) => {
    await respondToHostInvite(services().db, { userId: user.id, name: user.name }, showId, response, services().env.PUBLIC_URL);
    revalidatePath('/dashboard/host');
    return { ok: true, message: response === 'accept' ? 'Accepted. The show is on your schedule.' : 'Declined. The brand will see your answer.' };
  });
}
