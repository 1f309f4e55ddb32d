'use client';

import { useActionState, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { dangerButtonClass, Field, FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

/** Cancelling cannot be undone and emails everyone interested, so it takes a second, explicit step. */
export function CancelForm({ action: serverAction }: { action: Action }) {
  const [state, action, pending] = useActionState(serverAction, null);
  const [confirming, setConfirming] = useState(false);
  const { t } = useI18n();
  if (!confirming) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)}>
          {t('dashboard.cancelShow.open')}
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4">
      <p className="font-semibold text-red-900">{t('dashboard.cancelShow.confirm')}</p>
      <Field id="cancel-reason" label={t('dashboard.cancelShow.reason')}>
        <textarea id="cancel-reason" name="reason" rows={2} maxLength={500} className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {t(pending ? 'dashboard.cancelShow.submitting' : 'dashboard.cancelShow.submit')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
          {t('dashboard.cancelShow.keep')}
        </button>
      </div>
    </form>
  );
}
