'use client';

import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useI18n } from '../../_i18n/client';
import { SheetLoading } from './loading-status';

// The forms load only when someone taps: most viewers never need them. React.lazy, not
// next/dynamic: the sheet never renders on the server, and next/dynamic adds its own code to the first load.
const loadSheet = () => import('./auth-sheet');
const AuthSheet = lazy(() => loadSheet().then((m) => ({ default: m.AuthSheet })));

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
      {open && (
        <Suspense fallback={<SheetLoading />}>
          <AuthSheet onClose={close} />
        </Suspense>
      )}
    </>
  );
}
