'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { inviteBrandMember, memberInviteSchema, removeBrandMember, revokeBrandInvite } from '@/server/domain/brand-team';
import { services } from '@/server/services';

const slugField = z.object({ slug: z.string().min(1).max(60) });

export async function inviteMemberAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(memberInviteSchema.extend(slugField.shape), form, async ({ slug, ...invite }, user) => {
    const { db, env } = services();
    await inviteBrandMember(db, { userId: user.id, name: user.name }, slug, invite, env.PUBLIC_URL);
    revalidatePath(`/dashboard/brands/${slug}/team`);
    return { ok: true, message: `Invitation sent to ${invite.email}.` };
  });
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  await formAction(slugField.extend({ inviteId: z.string().min(1).max(40) }), form, async ({ slug, inviteId }, user) => {
    await revokeBrandInvite(services().db, { userId: user.id, name: user.name }, slug, inviteId);
    revalidatePath(`/dashboard/brands/${slug}/team`);
  });
}

export async function removeMemberAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(slugField.extend({ userId: z.string().min(1).max(40) }), form, async ({ slug, userId }, user) => {
    await removeBrandMember(services().db, { userId: user.id, name: user.name }, slug, userId);
    revalidatePath(`/dashboard/brands/${slug}/team`);
    return { ok: true, message: 'Removed from the team.' };
  });
}
