'use client';

import { signOut } from 'next-auth/react';
import { useActionState, useEffect, type ReactNode } from 'react';
import { dangerButtonClass, Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import type { AccountProfile } from '@/server/domain/account-profile';
import { changePasswordAction, deleteAccountAction, saveInfluencerAction, saveNameAction } from './actions';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

function ActionForm({ action, submit, pendingLabel, danger, onDone, children }: { action: Action; submit: string; pendingLabel: string; danger?: boolean; onDone?: () => void; children: (error: (name: string) => string | undefined) => ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) onDone?.();
  }, [state, onDone]);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {children(error)}
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={danger ? dangerButtonClass : primaryButtonClass}>
        {pending ? pendingLabel : submit}
      </button>
    </form>
  );
}

export function NameForm({ name }: { name: string }) {
  return (
    <ActionForm action={saveNameAction} submit="Save name" pendingLabel="Saving…">
      {(error) => (
        <Field id="name" label="Your name" error={error('name')} hint="Shown in chat. In the “just bought” ticker only your first name and initial appear.">
          <input id="name" name="name" defaultValue={name} autoComplete="name" className={inputClass} aria-invalid={error('name') ? true : undefined} />
        </Field>
      )}
    </ActionForm>
  );
}

export function InfluencerForm({ profile }: { profile: AccountProfile['influencer'] }) {
  const links = [0, 1, 2, 3].map((i) => profile?.links[i] ?? { label: '', url: '' });
  return (
    <ActionForm action={saveInfluencerAction} submit={profile ? 'Save host profile' : 'Create host profile'} pendingLabel="Saving…">
      {(error) => (
        <>
          <Field id="handle" label="Handle" hint="Brands invite you by this handle; your page is /hosts/your-handle." error={error('handle')}>
            <input id="handle" name="handle" defaultValue={profile?.handle ?? ''} className={inputClass} aria-invalid={error('handle') ? true : undefined} />
          </Field>
          <Field id="bio" label="Bio" error={error('bio')}>
            <textarea id="bio" name="bio" rows={3} defaultValue={profile?.bio ?? ''} className={inputClass} />
          </Field>
          <Field id="avatarUrl" label="Avatar image URL (optional)" error={error('avatarUrl')}>
            <input id="avatarUrl" name="avatarUrl" type="url" defaultValue={profile?.avatarUrl ?? ''} className={inputClass} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Social links</legend>
            {links.map((link, i) => (
              <div key={i} className="grid grid-cols-[8rem_1fr] gap-2">
                <input aria-label={`Link ${i + 1} label`} name={`linkLabel${i}`} defaultValue={link.label} placeholder="Instagram" className={inputClass} />
                <input aria-label={`Link ${i + 1} address`} name={`linkUrl${i}`} type="url" defaultValue={link.url} placeholder="https://" className={inputClass} />
              </div>
            ))}
            {error('links.0.url') || error('links.1.url') || error('links.2.url') || error('links.3.url') ? (
              <p className="text-xs font-medium text-red-700">Links must start with https:// or http://</p>
            ) : null}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  return (
    <ActionForm action={changePasswordAction} submit={hasPassword ? 'Change password' : 'Set a password'} pendingLabel="Saving…">
      {(error) => (
        <>
          {hasPassword && (
            <Field id="currentPassword" label="Current password" error={error('currentPassword')}>
              <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />
            </Field>
          )}
          <Field id="newPassword" label="New password" hint="At least 10 characters." error={error('newPassword')}>
            <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" className={inputClass} aria-invalid={error('newPassword') ? true : undefined} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  return (
    // After deletion the session is worthless; signing out clears the cookie.
    <ActionForm action={deleteAccountAction} submit="Delete my account" pendingLabel="Deleting…" danger onDone={signOutHome}>
      {(error) => (
        <>
          <Field id="confirmEmail" label={`Type ${email} to confirm`} error={error('confirmEmail')}>
            <input id="confirmEmail" name="confirmEmail" type="email" autoComplete="off" className={inputClass} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function signOutHome() {
  void signOut({ callbackUrl: '/' });
}
