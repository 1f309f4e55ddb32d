'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { localise } from '@/app/account/localise-state';
import { formAction, type ActionState } from '@/app/_lib/action';
import { acceptBrandInvite } from '@/server/domain/brands';
import { services } from '@/server/services';

export async function acceptInviteAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(z.object({ token: z.string().regex(/^[\w-]{20,100}$/) }), form, async ({ token }, user) => {
    const { slug } = await acceptBrandInvite(services().db, { userId: user.id, name: user.name }, token);
    redirect(`/dashboard/brands/${slug}/products`);
  });
  // The token is a hidden field: a malformed one is an unusable invitation, not a field to correct.
  return localise(state, {
    fields: { token: 'account.invite.notUsable' },
    summary: 'account.invite.notUsable',
  });
}
