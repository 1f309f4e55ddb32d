'use client';

import { useState } from 'react';
import type { WaitlistState } from '@/server/domain/waitlist';
import { useI18n } from '../../../_i18n/client';

/** What a sold-out variant's card offers instead of Buy: "Notify me", then the viewer's place in line. */
export function NotifyMe({
  variantName,
  state,
  onNotify,
  className,
}: {
  variantName: string;
  state: WaitlistState | undefined;
  onNotify: () => Promise<string | null>;
  className: string;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function notify() {
    setPending(true);
    setError(null);
    setError(await onNotify());
    setPending(false);
  }

  return (
    <div className={`mt-2 ${className}`} data-testid="waitlist">
      {state?.status === 'WAITING' ? (
        <p role="status" className="rounded-lg bg-neutral-100 px-3 py-2 text-sm text-neutral-800">
          {t('viewer.waitlist.waiting', { position: state.position })}
        </p>
      ) : (
        <button
          type="button"
          onClick={() => void notify()}
          disabled={pending}
          aria-label={t('viewer.waitlist.notifyMeLabel', { variant: variantName })}
          className="min-h-11 w-full rounded-full border border-ink py-2.5 text-sm font-bold text-ink hover:bg-neutral-100 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          {t('viewer.waitlist.notifyMe')}
        </button>
      )}
      {error && (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
