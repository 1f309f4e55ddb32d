'use server';

import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { PUSH_KINDS, setPushPreferences, type PushKind } from '@/server/domain/push';
import { services } from '@/server/services';

// Unticked checkboxes are simply absent from the form.
const checkbox = z
  .literal('on')
  .optional()
  .transform((value) => value === 'on');
const pushPreferencesForm = z.object(Object.fromEntries(PUSH_KINDS.map((kind) => [kind, checkbox])) as Record<PushKind, typeof checkbox>);

export async function savePushPreferencesAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return formAction(pushPreferencesForm, form, async (input, user) => {
    await setPushPreferences(services().db, user.id, input);
    return { ok: true, message: t('push.settings.saved') };
  });
}
