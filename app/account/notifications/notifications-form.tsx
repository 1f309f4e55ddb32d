'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { NotificationPreferences, NotificationTopic } from '@/server/domain/notifications';
import { saveNotificationPreferencesAction } from './actions';

export interface NotificationsFormProps {
  preferences: NotificationPreferences;
  topics: readonly NotificationTopic[];
  /** Each choice already worded "15 minutes", "1 hour" in the reader's language. */
  leadChoices: { minutes: number; label: string }[];
}

export function NotificationsForm({ preferences, topics, leadChoices }: NotificationsFormProps) {
  const [state, formAction, pending] = useActionState(saveNotificationPreferencesAction, null);
  const { t } = useI18n();
  const leadError = state && !state.ok ? state.fieldErrors?.reminderLeadMinutes : undefined;
  return (
    <form action={formAction} className="space-y-5">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t('account.notifications.topicsLegend')}</legend>
        {topics.map((topic) => (
          <label key={topic} className="flex items-center gap-3">
            <input type="checkbox" name={topic} defaultChecked={preferences[topic]} className="h-5 w-5 accent-brand-500" />
            <span>{t(`account.notifications.topics.${topic}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field id="reminderLeadMinutes" label={t('account.notifications.lead')} error={leadError}>
        <select
          id="reminderLeadMinutes"
          name="reminderLeadMinutes"
          defaultValue={preferences.reminderLeadMinutes}
          className={inputClass}
          aria-invalid={leadError ? true : undefined}
        >
          {leadChoices.map(({ minutes, label }) => (
            <option key={minutes} value={minutes}>
              {t('account.notifications.leadChoice', { lead: label })}
            </option>
          ))}
        </select>
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('account.form.saving') : t('account.notifications.submit')}
      </button>
    </form>
  );
}
