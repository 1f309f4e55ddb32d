'use server';

import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { setNotificationPreferences } from '@/server/domain/notifications';
import { services } from '@/server/services';
import { localise } from '../localise-state';

// Unticked checkboxes are simply absent from the form.
const checkbox = z
  .literal('on')
  .optional()
  .transform((value) => value === 'on');
const preferencesForm = z.object({
  reminders: checkbox,
  live: checkbox,
  changes: checkbox,
  reminderLeadMinutes: z.coerce.number().int().positive(),
});

export async function saveNotificationPreferencesAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(preferencesForm, form, async (input, user) => {
    const { db, env } = services();
    await setNotificationPreferences(db, user.id, input, 'preferences', env.REMINDER_LEAD_MINUTES);
    return { ok: true, message: t('account.notifications.saved') };
  });
  return localise(state, {
    fields: { reminderLeadMinutes: 'account.notifications.leadNotOffered' },
  });
}
