'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useState } from 'react';
import { secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { SignInForm } from '../../signin/signin-form';
import { SignUpForm } from '../../signup/signup-form';
import { useModalSheet } from './use-modal-sheet';

// Set once this browser has signed in: the sheet then opens on sign-in rather than sign-up.
const KNOWN_KEY = 'live-commerce:has-account';
const knownHere = () => {
  try {
    return localStorage.getItem(KNOWN_KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * Sign-up (first, for someone new) and sign-in in a modal sheet over the show,
 * so a visitor who wants to buy never leaves the stream. On success the sheet
 * closes and the page's server parts render again for the signed-in person; the
 * show page keys its player on the account, so the show channel reconnects with
 * the new session (see app/shows/[showId]/page.tsx).
 */
export function AuthSheet({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const titleId = useId();
  const { close, dialogProps, handleProps } = useModalSheet(onClose);
  const [mode, setMode] = useState<'signUp' | 'signIn'>(() => (knownHere() ? 'signIn' : 'signUp'));
  const callbackUrl = typeof window === 'undefined' ? '/' : window.location.pathname;

  const signedIn = useCallback(() => {
    try {
      localStorage.setItem(KNOWN_KEY, '1');
    } catch {
      // Private mode without storage: the next visit starts on sign-up, nothing worse.
    }
    close();
    router.refresh();
  }, [router, close]);

  return (
    <dialog
      {...dialogProps}
      aria-labelledby={titleId}
      className="mx-0 mb-0 mt-auto w-full max-w-none overflow-hidden rounded-t-2xl bg-white p-0 text-ink shadow-2xl backdrop:bg-black/50 sm:m-auto sm:max-w-md sm:rounded-2xl"
      data-testid="auth-sheet"
    >
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col sm:max-h-[90dvh]">
        <div
          {...handleProps}
          className="flex shrink-0 touch-none items-start justify-between gap-3 border-b border-neutral-100 px-5 pb-3 pt-4"
        >
          <div>
            <h2 id={titleId} className="text-lg font-bold">
              {mode === 'signUp' ? t('auth.sheet.signUpTitle') : t('auth.sheet.signInTitle')}
            </h2>
            <p className="text-sm text-neutral-600">{t('auth.sheet.intro')}</p>
          </div>
          <button type="button" onClick={close} className={`${secondaryButtonClass} px-3 py-1 text-sm`} aria-label={t('auth.sheet.close')}>
            ✕
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto overscroll-contain px-5 pb-5 pt-4">
          {mode === 'signUp' ? (
            <SignUpForm callbackUrl={callbackUrl} onSignedIn={signedIn} onSignIn={() => setMode('signIn')} />
          ) : (
            <div className="space-y-4">
              <SignInForm callbackUrl={callbackUrl} onSignedIn={signedIn} />
              <p className="text-center text-sm text-neutral-600">
                {t('auth.signIn.newHere')}{' '}
                <button type="button" onClick={() => setMode('signUp')} className="font-semibold text-brand-700 underline">
                  {t('auth.signIn.createAccount')}
                </button>
              </p>
            </div>
          )}
        </div>
      </div>
    </dialog>
  );
}
