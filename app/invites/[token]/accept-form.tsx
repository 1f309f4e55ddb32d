'use client';

import { useActionState } from 'react';
import { FormMessage, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { acceptInviteAction } from './actions';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction, null);
  const { t } = useI18n();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-3`}>
        {pending ? t('account.invite.pending') : t('account.invite.accept')}
      </button>
    </form>
  );
}
