'use client';

import { signOut } from 'next-auth/react';
import { useActionState, useEffect, type ReactNode } from 'react';
import { dangerButtonClass, Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import type { AccountProfile } from '@/server/domain/accounts';
import { changePasswordAction, deleteAccountAction, saveInfluencerAction, saveNameAction } from './actions';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

function ActionForm({
  action,
  submit,
  pendingLabel,
  danger,
  onDone,
  children,
}: {
  action: Action;
  submit: string;
  pendingLabel?: string;
  danger?: boolean;
  onDone?: () => void;
  children: (error: (name: string) => string | undefined) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { t } = useI18n();
  useEffect(() => {
    if (state?.ok) onDone?.();
  }, [state, onDone]);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {children(error)}
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={danger ? dangerButtonClass : primaryButtonClass}>
        {pending ? (pendingLabel ?? t('account.form.saving')) : submit}
      </button>
    </form>
  );
}

export function NameForm({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <ActionForm action={saveNameAction} submit={t('account.profile.submit')}>
      {(error) => (
        <Field id="name" label={t('account.profile.name')} error={error('name')} hint={t('account.profile.nameHint')}>
          <input
            id="name"
            name="name"
            defaultValue={name}
            autoComplete="name"
            className={inputClass}
            aria-invalid={error('name') ? true : undefined}
          />
        </Field>
      )}
    </ActionForm>
  );
}

export function InfluencerForm({ profile }: { profile: AccountProfile['influencer'] }) {
  const { t } = useI18n();
  const links = [0, 1, 2, 3].map((i) => profile?.links[i] ?? { label: '', url: '' });
  return (
    <ActionForm action={saveInfluencerAction} submit={profile ? t('account.host.save') : t('account.host.create')}>
      {(error) => (
        <>
          <Field id="handle" label={t('account.host.handle')} hint={t('account.host.handleHint')} error={error('handle')}>
            <input
              id="handle"
              name="handle"
              defaultValue={profile?.handle ?? ''}
              className={inputClass}
              aria-invalid={error('handle') ? true : undefined}
            />
          </Field>
          <Field id="bio" label={t('account.host.bio')} error={error('bio')}>
            <textarea id="bio" name="bio" rows={3} defaultValue={profile?.bio ?? ''} className={inputClass} />
          </Field>
          <Field id="avatarUrl" label={t('account.host.avatarUrl')} error={error('avatarUrl')}>
            <input id="avatarUrl" name="avatarUrl" type="url" defaultValue={profile?.avatarUrl ?? ''} className={inputClass} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t('account.host.links')}</legend>
            {links.map((link, i) => (
              <div key={i} className="grid grid-cols-[8rem_1fr] gap-2">
                <input
                  aria-label={t('account.host.linkLabel', { number: i + 1 })}
                  name={`linkLabel${i}`}
                  defaultValue={link.label}
                  placeholder="Instagram"
                  className={inputClass}
                />
                <input
                  aria-label={t('account.host.linkAddress', { number: i + 1 })}
                  name={`linkUrl${i}`}
                  type="url"
                  defaultValue={link.url}
                  placeholder="https://"
                  className={inputClass}
                />
              </div>
            ))}
            {linkErrors(error).map((message) => (
              <p key={message} className="text-xs font-medium text-red-700">
                {message}
              </p>
            ))}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useI18n();
  return (
    <ActionForm action={changePasswordAction} submit={hasPassword ? t('account.password.change') : t('account.password.set')}>
      {(error) => (
        <>
          {hasPassword && (
            <Field id="currentPassword" label={t('account.password.current')} error={error('currentPassword')}>
              <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />
            </Field>
          )}
          <Field id="newPassword" label={t('account.password.new')} hint={t('account.password.hint')} error={error('newPassword')}>
            <input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              className={inputClass}
              aria-invalid={error('newPassword') ? true : undefined}
            />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteAccountForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const { t } = useI18n();
  return (
    // After deletion the session is worthless; signing out clears the cookie.
    <ActionForm
      action={deleteAccountAction}
      submit={t('account.delete.submit')}
      pendingLabel={t('account.delete.pending')}
      danger
      onDone={signOutHome}
    >
      {(error) => (
        <>
          <Field id="confirmEmail" label={t('account.delete.confirm', { email })} error={error('confirmEmail')}>
            <input id="confirmEmail" name="confirmEmail" type="email" autoComplete="off" className={inputClass} />
          </Field>
          {/* Proving the password again: a session left open on a shared computer cannot delete the account. */}
          {hasPassword && (
            <Field id="deletePassword" label={t('privacy.delete.password')} error={error('password')}>
              <input id="deletePassword" name="password" type="password" autoComplete="current-password" className={inputClass} />
            </Field>
          )}
        </>
      )}
    </ActionForm>
  );
}

// Link rows have no field of their own to show an error beside, so their (already translated) messages are listed once under the rows.
function linkErrors(error: (name: string) => string | undefined): string[] {
  const messages = ['links', ...[0, 1, 2, 3].flatMap((i) => [`links.${i}.label`, `links.${i}.url`])].map(error);
  return [...new Set(messages.filter((message): message is string => Boolean(message)))];
}

function signOutHome() {
  void signOut({ callbackUrl: '/' });
}
