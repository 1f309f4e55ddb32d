'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { Choice } from '@/app/_lib/zone-and-currency-choices';
import { updateTimeZoneAction } from './time-zone-action';
import { ChoiceOptions } from '@/app/dashboard/_components/choice-options';

export function TimeZoneForm({ slug, timeZone, choices }: { slug: string; timeZone: string; choices: Choice[] }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(updateTimeZoneAction, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label={t('commerce.timeZone.heading')}>
      <input type="hidden" name="slug" value={slug} />
      <Field id="brand-time-zone" label={t('commerce.timeZone.label')} hint={t('commerce.timeZone.hint')}>
        <select
          id="brand-time-zone"
          name="timeZone"
          defaultValue={timeZone}
          className={inputClass}
          aria-invalid={state !== null && !state.ok ? true : undefined}
          aria-describedby="brand-time-zone-hint"
        >
          <ChoiceOptions choices={choices} />
        </select>
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('commerce.timeZone.saving') : t('commerce.timeZone.save')}
      </button>
    </form>
  );
}
