'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState } from 'react';
import { primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';

export function UseLinkButton({ token, callbackUrl }: { token: string; callbackUrl: string }) {
  const [state, setState] = useState<'idle' | 'pending' | 'failed'>('idle');
  const { t } = useI18n();
  async function use() {
    setState('pending');
    const result = await signIn('email-link', { token, redirect: false });
    if (result?.ok && !result.error) window.location.assign(callbackUrl);
    else setState('failed');
  }
  if (state === 'failed') {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
        {t('auth.link.expired')}{' '}
        <Link href="/signin" className="font-semibold underline">
          {t('auth.link.askNew')}
        </Link>
      </p>
    );
  }
  return (
    <button type="button" onClick={() => void use()} disabled={state === 'pending'} className={`${primaryButtonClass} w-full py-3`}>
      {state === 'pending' ? t('auth.signIn.pending') : t('auth.link.continue')}
    </button>
  );
}
