'use server';

import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { joinWaitlist } from '@/server/domain/waitlist';
import { services } from '@/server/services';

const notifyMeSchema = z.object({ variantId: z.string().min(1).max(64) });

/** "Notify me" on a sold-out variant from the brand's page: the same domain call as the show page's. */
export async function notifyMeAction(form: FormData): Promise<ActionState> {
  return formAction(notifyMeSchema, form, async ({ variantId }, user) => {
    const { db, env } = services();
    const state = await joinWaitlist(db, { userId: user.id, name: user.name }, { variantId }, env.WAITLIST_HOLD_MINUTES);
    // The place in line, for the button to show (the page is not rendered again).
    return { ok: true, message: state.status === 'WAITING' ? String(state.position) : undefined };
  });
}
