'use server';

import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { deleteAccount } from '@/server/domain/account-deletion';
import { influencerProfileSchema, saveInfluencerProfile, updateDisplayName } from '@/server/domain/account-profile';
import { changePassword, displayNameSchema, passwordChangeSchema } from '@/server/domain/accounts';
import { services } from '@/server/services';

const actor = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });

export async function saveNameAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(z.object({ name: displayNameSchema }), form, async ({ name }, user) => {
    await updateDisplayName(services().db, actor(user), name);
    return { ok: true, message: 'Saved.' };
  });
}

// The form posts links as parallel label/url fields; empty rows are dropped.
function influencerInput(form: FormData) {
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const links = [0, 1, 2, 3].map((i) => ({ label: field(`linkLabel${i}`), url: field(`linkUrl${i}`) })).filter((l) => l.label || l.url);
  return { handle: field('handle'), bio: field('bio'), avatarUrl: field('avatarUrl'), links };
}

export async function saveInfluencerAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(influencerProfileSchema, influencerInput(form), async (input, user) => {
    await saveInfluencerProfile(services().db, actor(user), input);
    return { ok: true, message: 'Your host profile is saved.' };
  });
}

export async function changePasswordAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(passwordChangeSchema, form, async (input, user) => {
    await changePassword(services().db, actor(user), input);
    return { ok: true, message: 'Your password is changed.' };
  });
}

export async function deleteAccountAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(z.object({ confirmEmail: z.string().max(254) }), form, async ({ confirmEmail }, user) => {
    await deleteAccount(services().db, actor(user), confirmEmail);
    return { ok: true, message: 'Your account is deleted.' };
  });
}
