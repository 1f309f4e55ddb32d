'use client';

import { signIn } from 'next-auth/react';
import { secondaryButtonClass } from '@/app/_components/ui';

export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <button key={p.id} type="button" onClick={() => void signIn(p.id, { callbackUrl })} className={`${secondaryButtonClass} w-full`}>
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
