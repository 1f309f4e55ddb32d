'use server';

import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { deleteAccountSchema, deleteMyAccount } from '@/server/domain/privacy';
import { influencerProfileSchema, saveInfluencerProfile, updateDisplayName } from '@/server/domain/accounts';
import { changePassword, displayNameSchema, passwordChangeSchema } from '@/server/domain/accounts';
import { services } from '@/server/services';
import { localise, type Localisation } from './localise-state';
import { reissueSessionCookie } from '@/server/auth/session';

const actor = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });

const nameForm: Localisation = {
  fields: { name: 'account.profile.nameRequired' },
};

export async function saveNameAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(z.object({ name: displayNameSchema }), form, async ({ name }, user) => {
    await updateDisplayName(services().db, actor(user), name);
    return { ok: true, message: t('account.profile.saved') };
  });
  return localise(state, nameForm);
}

// The form posts links as parallel label/url fields; empty rows are dropped.
function influencerInput(form: FormData) {
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const links = [0, 1, 2, 3].map((i) => ({ label: field(`linkLabel${i}`), url: field(`linkUrl${i}`) })).filter((l) => l.label || l.url);
  return { handle: field('handle'), bio: field('bio'), avatarUrl: field('avatarUrl'), links };
}

const influencerForm: Localisation = {
  fields: {
    handle: 'account.host.handleRule',
    avatarUrl: 'account.host.avatarRule',
    'links.label': 'account.host.linkLabelRule',
    'links.url': 'account.host.linkUrlRule',
    links: 'account.host.tooManyLinks',
  },
};

export async function saveInfluencerAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(influencerProfileSchema, influencerInput(form), async (input, user) => {
    await saveInfluencerProfile(services().db, actor(user), input);
    return { ok: true, message: t('account.host.saved') };
  });
  return localise(state, influencerForm);
}

const passwordForm: Localisation = {
  fields: { currentPassword: 'account.password.currentWrong', newPassword: 'account.password.hint' },
};

export async function changePasswordAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(passwordChangeSchema, form, async (input, user) => {
    // Every other session (and socket) ends; this browser continues on a fresh one.
    const version = await changePassword(services().db, actor(user), input);
    await reissueSessionCookie(user, version);
    return { ok: true, message: t('account.password.changed') };
  });
  return localise(state, passwordForm);
}

const deleteForm: Localisation = {
  fields: { confirmEmail: 'account.delete.emailMismatch', password: 'account.password.currentWrong' },
};

export async function deleteAccountAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(deleteAccountSchema, form, async (input, user) => {
    await deleteMyAccount(services().db, actor(user), input);
    return { ok: true, message: t('account.delete.deleted') };
  });
  return localise(state, deleteForm);
}
