'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import { registerAction } from './actions';
import { useI18n } from '@/app/_i18n/client';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(registerAction, null);
  const { t } = useI18n();
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);

  // React resets a form once its action has run, so the credentials are kept
  // from the submit event for the sign-in that follows a successful sign-up.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    void signIn('credentials', { ...credentials.current, redirect: false }).then(() => window.location.assign(callbackUrl));
  }, [state, callbackUrl]);

  const input = (name: string, label: string, type: string, autoComplete: string, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={fieldError(name)}>
      <input id={name} name={name} type={type} autoComplete={autoComplete} required className={inputClass} aria-invalid={fieldError(name) ? true : undefined} aria-describedby={fieldError(name) ? `${name}-error` : hint ? `${name}-hint` : undefined} />
    </Field>
  );

  return (
    <form
      action={action}
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        credentials.current = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
      }}
      className="space-y-4"
      noValidate
    >
      {input('name', t('auth.signUp.name'), 'text', 'name')}
      {input('email', t('auth.signUp.email'), 'email', 'email')}
      {input('password', t('auth.signUp.password'), 'password', 'new-password', t('auth.signUp.passwordHint'))}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="emailReminders" defaultChecked className="mt-1 h-4 w-4 accent-brand-500" />
        <span>{t('auth.signUp.consent')}</span>
      </label>
      <FormMessage state={state && !state.ok ? state : state?.ok ? { ok: true, message: t('auth.signUp.created') } : null} />
      <button type="submit" disabled={pending || state?.ok} className={`${primaryButtonClass} w-full py-3`}>
        {pending ? t('auth.signUp.pending') : t('auth.signUp.submit')}
      </button>
      <p className="text-center text-sm text-neutral-600">
        {t('auth.signUp.haveAccount')}{' '}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand-700 underline">
          {t('auth.signUp.signIn')}
        </Link>
      </p>
    </form>
  );
}
