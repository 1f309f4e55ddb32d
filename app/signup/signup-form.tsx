'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import { registerAction } from './actions';
import { useI18n } from '@/app/_i18n/client';
import type { Translate } from '@/app/_i18n/translate';

// The server's rule (passwordSchema in server/domain/accounts/accounts.ts), checked first here so a short password costs no round trip.
const PASSWORD_MIN = 10;
type Fields = 'name' | 'email' | 'password';

/** What the browser can tell before sending, in the reader's language; the server checks it all again. */
function clientErrors(form: HTMLFormElement, t: Translate): Partial<Record<Fields, string>> {
  const input = (name: Fields) => form.elements.namedItem(name) as HTMLInputElement;
  const errors: Partial<Record<Fields, string>> = {};
  if (!input('name').value.trim()) errors.name = t('auth.signUp.errors.name');
  const email = input('email');
  if (!email.value.trim() || email.validity.typeMismatch) errors.email = t('auth.signUp.errors.email');
  if (input('password').value.length < PASSWORD_MIN) errors.password = t('auth.signUp.errors.password', { min: PASSWORD_MIN });
  return errors;
}

/**
 * Sign-up by email and password, then signed in at once. On the sign-up page it
 * goes on to `callbackUrl`; in the sheet over a show it calls `onSignedIn`
 * instead, and `onSignIn` swaps the sheet to the sign-in form. Values survive a
 * refusal (the form is sent from onSubmit, so React does not reset it).
 */
export function SignUpForm({ callbackUrl, onSignedIn, onSignIn }: { callbackUrl: string; onSignedIn?: () => void; onSignIn?: () => void }) {
  const [state, action, pending] = useActionState(registerAction, null);
  const { t } = useI18n();
  const [checked, setChecked] = useState<Partial<Record<Fields, string>>>({});
  const fieldError = (name: Fields) => checked[name] ?? (state && !state.ok ? state.fieldErrors?.[name] : undefined);

  // The credentials of the submit that created the account, for the sign-in that follows.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  useEffect(() => {
    const used = credentials.current;
    if (!state?.ok || !used) return;
    // Once only, whatever re-renders follow.
    credentials.current = null;
    void signIn('credentials', { ...used, redirect: false }).then(() => (onSignedIn ? onSignedIn() : window.location.assign(callbackUrl)));
  }, [state, callbackUrl, onSignedIn]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const errors = clientErrors(form, t);
    setChecked(errors);
    const first = (['name', 'email', 'password'] as const).find((name) => errors[name]);
    if (first) return (form.elements.namedItem(first) as HTMLInputElement).focus();
    const data = new FormData(form);
    credentials.current = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    startTransition(() => action(data));
  }

  const input = (
    name: Fields,
    label: string,
    type: string,
    autoComplete: string,
    hint?: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <Field id={name} label={label} hint={hint} error={fieldError(name)}>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        className={inputClass}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `${name}-error` : hint ? `${name}-hint` : undefined}
        // A corrected field loses its message at once.
        onChange={() => checked[name] && setChecked((c) => ({ ...c, [name]: undefined }))}
        {...extra}
      />
    </Field>
  );

  // The server's refusal, unless the browser has just found something to fix first.
  const message: ActionState | null = state?.ok
    ? { ok: true, message: t('auth.signUp.created') }
    : Object.values(checked).some(Boolean)
      ? null
      : state;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {input('name', t('auth.signUp.name'), 'text', 'name')}
      {input('email', t('auth.signUp.email'), 'email', 'email', undefined, { inputMode: 'email' })}
      {input('password', t('auth.signUp.password'), 'password', 'new-password', t('auth.signUp.passwordHint'), { minLength: PASSWORD_MIN })}
      {/* Consent is asked, never assumed: the box starts empty. */}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="emailReminders" className="mt-1 h-4 w-4 accent-brand-500" />
        <span>{t('auth.signUp.consent')}</span>
      </label>
      <FormMessage state={message} />
      <button type="submit" disabled={pending || state?.ok} className={`${primaryButtonClass} w-full py-3`}>
        {pending ? t('auth.signUp.pending') : t('auth.signUp.submit')}
      </button>
      <p className="text-center text-sm text-neutral-600">
        {t('auth.signUp.haveAccount')}{' '}
        {onSignIn ? (
          <button type="button" onClick={onSignIn} className="font-semibold text-brand-700 underline">
            {t('auth.signUp.signIn')}
          </button>
        ) : (
          <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand-700 underline">
            {t('auth.signUp.signIn')}
          </Link>
        )}
      </p>
    </form>
  );
}
