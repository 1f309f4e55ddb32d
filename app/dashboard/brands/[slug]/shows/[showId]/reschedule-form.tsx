'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { zoneCity } from '@/app/_lib/zone-city';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

export function RescheduleForm({ action: serverAction, startLocal, timeZone }: { action: Action; startLocal: string; timeZone: string }) {
  const [state, action, pending] = useActionState(serverAction, null);
  const { t } = useI18n();
  const error = state && !state.ok ? state.fieldErrors?.startLocal : undefined;
  return (
    <form action={action} className="space-y-3" aria-labelledby="reschedule-heading" noValidate>
      <Field id="reschedule-start" label={t('dashboard.reschedule.label', { zone: zoneCity(timeZone) })} error={error}>
        <input
          id="reschedule-start"
          name="startLocal"
          type="datetime-local"
          required
          defaultValue={startLocal}
          className={inputClass}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t(pending ? 'dashboard.reschedule.submitting' : 'dashboard.reschedule.submit')}
      </button>
    </form>
  );
}
