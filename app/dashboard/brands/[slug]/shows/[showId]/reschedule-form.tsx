'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/app/_lib/action';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

export function RescheduleForm({ action: serverAction, startLocal, timeZone }: { action: Action; startLocal: string; timeZone: string }) {
  const [state, action, pending] = useActionState(serverAction, null);
  const error = state && !state.ok ? state.fieldErrors?.startLocal : undefined;
  return (
    <form action={action} className="space-y-3" aria-labelledby="reschedule-heading" noValidate>
      <Field id="reschedule-start" label={`New start (${timeZone} time)`} error={error}>
        <input id="reschedule-start" name="startLocal" type="datetime-local" required defaultValue={startLocal} className={inputClass} aria-invalid={error ? true : undefined} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Rescheduling…' : 'Reschedule'}
      </button>
    </form>
  );
}
