'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { FormMessage, secondaryButtonClass } from '@/app/_components/ui';
import { retryPayoutAction } from './payout-failure-actions';

/** "Try again" for one failed payout or reversal; disabled while it is sent, so a double click sends once (and the server queues once anyway). */
export function RetryPayoutButton({ slug, jobId, label }: { slug: string; jobId: string; label: string }) {
  const { t } = useI18n();
  const [state, retry, sending] = useActionState(retryPayoutAction, null);
  return (
    <form action={retry} className="space-y-1" aria-label={label}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" disabled={sending || state?.ok === true} className={`${secondaryButtonClass} px-3 py-1 text-sm`}>
        {t('payoutFailures.tryAgain')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
