'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import type { WaitlistState } from '@/server/domain/waitlist';
import { secondaryButtonClass } from '../../_components/ui';
import { notifyMeAction } from './waitlist-actions';

type Shown = { kind: 'state'; state: WaitlistState | null } | { kind: 'error'; message: string };

/** A sold-out variant on the brand's page: "Notify me", then the place in line. Signed out, a link to sign in. */
export function NotifyMeButton({
  variantId,
  product,
  variant,
  initial,
  signedIn,
  returnTo,
}: {
  variantId: string;
  product: string;
  variant: string;
  initial: WaitlistState | null;
  signedIn: boolean;
  returnTo: string;
}) {
  const { t } = useI18n();
  const [shown, action, pending] = useActionState<Shown, FormData>(
    async (_, form) => {
      const result = await notifyMeAction(form);
      if (!result.ok) return { kind: 'error', message: errorText(t, result) };
      return { kind: 'state', state: { status: 'WAITING', position: Number(result.message ?? 1) } };
    },
    { kind: 'state', state: initial },
  );
  const label = t('discovery.waitlist.notifyMeLabel', { product, variant });
  const state = shown.kind === 'state' ? shown.state : null;
  if (state?.status === 'WAITING')
    return <p className="text-xs font-medium text-neutral-700">{t('discovery.waitlist.onList', { position: state.position })}</p>;
  if (state?.status === 'HELD') return <p className="text-xs font-medium text-emerald-800">{t('discovery.waitlist.held')}</p>;
  if (!signedIn) {
    return (
      <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={`${secondaryButtonClass} text-xs`} aria-label={label}>
        {t('discovery.waitlist.notifyMe')}
      </Link>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="variantId" value={variantId} />
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} text-xs`} aria-label={label}>
        {t('discovery.waitlist.notifyMe')}
      </button>
      {shown.kind === 'error' && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {shown.message}
        </p>
      )}
    </form>
  );
}
