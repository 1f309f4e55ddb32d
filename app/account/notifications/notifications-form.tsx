'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { NotificationPreferences, NotificationTopic } from '@/server/domain/notification-preferences';
import { saveNotificationPreferencesAction } from './actions';

export interface NotificationsFormProps {
  preferences: NotificationPreferences;
  topics: { topic: NotificationTopic; label: string }[];
  leadChoices: { minutes: number; label: string }[];
}

export function NotificationsForm({ preferences, topics, leadChoices }: NotificationsFormProps) {
  const [state, formAction, pending] = useActionState(saveNotificationPreferencesAction, null);
  const leadError = state && !state.ok ? state.fieldErrors?.reminderLeadMinutes : undefined;
  return (
    <form action={formAction} className="space-y-5">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Email me about shows of hosts and brands I follow, and shows I asked to be reminded of</legend>
        {topics.map(({ topic, label }) => (
          <label key={topic} className="flex items-center gap-3">
            <input type="checkbox" name={topic} defaultChecked={preferences[topic]} className="h-5 w-5 accent-brand-500" />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <Field id="reminderLeadMinutes" label="Send the reminder" error={leadError}>
        <select id="reminderLeadMinutes" name="reminderLeadMinutes" defaultValue={preferences.reminderLeadMinutes} className={inputClass} aria-invalid={leadError ? true : undefined}>
          {leadChoices.map(({ minutes, label }) => (
            <option key={minutes} value={minutes}>
              {label} before the start
            </option>
          ))}
        </select>
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Saving…' : 'Save email settings'}
      </button>
    </form>
  );
}
