'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { currentUser } from '@/server/auth/session';
import { cancelReminder, followBrand, followHost, remindMe, unfollowBrand, unfollowHost } from '@/server/domain/notifications';
import { services } from '@/server/services';

const followToggleSchema = z.object({
  target: z.enum(['host', 'brand', 'show']),
  id: z.string().min(1).max(64),
  on: z.enum(['true', 'false']).transform((v) => v === 'true'),
  returnTo: z.string().max(300),
});

/** Follow or unfollow a host or brand, or set or clear "Remind me"; signed-out people go to sign-in first. */
export async function followToggleAction(form: FormData): Promise<ActionState> {
  const returnTo = form.get('returnTo');
  const safeReturn = safeCallbackUrl(typeof returnTo === 'string' ? returnTo : undefined);
  if (!(await currentUser())) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturn)}`);
  return formAction(followToggleSchema, form, async ({ target, id, on }, user) => {
    const db = services().db;
    const actor = { userId: user.id, name: user.name };
    switch (target) {
      case 'host':
        await (on ? followHost(db, actor, id) : unfollowHost(db, actor, id));
        break;
      case 'brand':
        await (on ? followBrand(db, actor, id) : unfollowBrand(db, actor, id));
        break;
      case 'show':
        await (on ? remindMe(db, actor, id) : cancelReminder(db, actor, id));
        break;
      default: {
        const unreachable: never = target;
        throw new Error(`unknown follow target ${String(unreachable)}`);
      }
    }
    // Follower counts on the page change with it.
    revalidatePath(safeReturn);
  });
}
