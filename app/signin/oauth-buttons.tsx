'use client';

import { signIn } from 'next-auth/react';
import { secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';

export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const { t } = useI18n();
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <button key={p.id} type="button" onClick={() => void signIn(p.id, { callbackUrl })} className={`${secondaryButtonClass} w-full`}>
          {t('auth.signIn.continueWith', { provider: p.name })}
        </button>
      ))}
    </div>
  );
}
