'use client';

import { useActionState } from 'react';
import { FormMessage, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { confirmUnsubscribeAction } from './actions';

export function ConfirmUnsubscribeForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(confirmUnsubscribeAction, null);
  const { t } = useI18n();
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('mailbox.unsubscribe.pending') : t('mailbox.unsubscribe.submit')}
        </button>
      )}
    </form>
  );
}
