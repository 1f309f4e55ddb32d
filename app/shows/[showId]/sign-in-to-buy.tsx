'use client';

import dynamic from 'next/dynamic';
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../../_i18n/client';

// The forms load only when someone taps: most viewers never need them.
const loadSheet = () => import('./auth-sheet').then((m) => m.AuthSheet);
const AuthSheet = dynamic(loadSheet, { ssr: false });

/** "Sign in to buy" for a signed-out viewer: opens sign-up / sign-in over the stream instead of leaving it. */
export function SignInToBuy() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadSheet()}
        onFocus={() => void loadSheet()}
        className="mt-3 block w-full rounded-full bg-ink py-3 text-center font-bold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        {t('viewer.product.signInToBuy')}
      </button>
      {open && <AuthSheet onClose={close} />}
    </>
  );
}
