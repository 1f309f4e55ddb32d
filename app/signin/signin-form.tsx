'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';

/** Signs in and goes on to `callbackUrl`, or (in the sheet over a show) calls `onSignedIn` and stays. */
export function SignInForm({
  callbackUrl,
  initialError = false,
  onSignedIn,
}: {
  callbackUrl: string;
  initialError?: boolean;
  onSignedIn?: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(initialError ? t('auth.signIn.wrong') : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    if (result?.ok && !result.error) {
      if (onSignedIn) onSignedIn();
      else window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    // The throttle's refusal is a code (server/auth/options.ts), anything else a wrong password.
    setError(result?.error === 'TOO_MANY_ATTEMPTS' ? errorText(t, { code: 'TOO_MANY_ATTEMPTS' }) : t('auth.signIn.wrong'));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">
          {t('auth.signIn.email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          className="w-full rounded-lg border border-neutral-300 px-3 py-2.5 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">
          {t('auth.signIn.password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded-lg border border-neutral-300 px-3 py-2.5 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-full bg-brand-500 px-4 py-3 font-semibold text-white hover:bg-brand-600 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        {pending ? t('auth.signIn.pending') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
