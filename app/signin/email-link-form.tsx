'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';
import { requestLinkAction } from './actions';
import { useI18n } from '@/app/_i18n/client';

export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestLinkAction, null);
  const { t } = useI18n();
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="link-email" label={t('auth.link.label')}>
        <input id="link-email" name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} w-full`}>
        {pending ? t('auth.link.pending') : t('auth.link.submit')}
      </button>
    </form>
  );
}
