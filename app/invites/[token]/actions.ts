'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { acceptBrandInvite } from '@/server/domain/brand-team';
import { services } from '@/server/services';

export async function acceptInviteAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(z.object({ token: z.string().regex(/^[\w-]{20,100}$/) }), form, async ({ token }, user) => {
    const { slug } = await acceptBrandInvite(services().db, { userId: user.id, name: user.name }, token);
    redirect(`/dashboard/brands/${slug}/products`);
  });
}
