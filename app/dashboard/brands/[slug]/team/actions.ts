'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { TEAM_FIELDS } from '@/app/dashboard/_i18n/domain-messages';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { inviteBrandMember, memberInviteSchema, removeBrandMember, revokeBrandInvite } from '@/server/domain/brands';
import { services } from '@/server/services';
import { attemptContext } from '@/server/auth/attempt';

const slugField = z.object({ slug: z.string().min(1).max(60) });

export async function inviteMemberAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(memberInviteSchema.extend(slugField.shape), form, async ({ slug, ...invite }, user) => {
    const { db, env } = services();
    await inviteBrandMember(db, { userId: user.id, name: user.name }, slug, invite, {
      ...(await attemptContext()),
      secret: env.AUTH_SECRET,
    });
    revalidatePath(`/dashboard/brands/${slug}/team`);
    return { ok: true, message: t('dashboard.team.sent', { email: invite.email }) };
  });
  return localiseState(state, t, TEAM_FIELDS);
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  await formAction(slugField.extend({ inviteId: z.string().min(1).max(40) }), form, async ({ slug, inviteId }, user) => {
    await revokeBrandInvite(services().db, { userId: user.id, name: user.name }, slug, inviteId);
    revalidatePath(`/dashboard/brands/${slug}/team`);
  });
}

export async function removeMemberAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(slugField.extend({ userId: z.string().min(1).max(40) }), form, async ({ slug, userId }, user) => {
    await removeBrandMember(services().db, { userId: user.id, name: user.name }, slug, userId);
    revalidatePath(`/dashboard/brands/${slug}/team`);
    return { ok: true, message: t('dashboard.team.removed') };
  });
  return localiseState(state, t);
}
