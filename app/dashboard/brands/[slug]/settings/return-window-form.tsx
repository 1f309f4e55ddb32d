'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { updateReturnWindowAction } from './return-window-action';

export function ReturnWindowForm({ slug, days }: { slug: string; days: number }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(updateReturnWindowAction, null);
  const refused = state !== null && !state.ok;
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label={t('commerce.returns.heading')}>
      <input type="hidden" name="slug" value={slug} />
      <Field id="return-window" label={t('commerce.returns.days')} hint={t('commerce.returns.hint')}>
        <input
          id="return-window"
          name="days"
          inputMode="numeric"
          defaultValue={String(days)}
          className={`${inputClass} max-w-32`}
          aria-invalid={refused ? true : undefined}
          aria-describedby="return-window-hint"
        />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('commerce.returns.saving') : t('commerce.returns.save')}
      </button>
    </form>
  );
}
