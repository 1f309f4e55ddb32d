'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { inviteMemberAction, removeMemberAction } from './actions';

export function InviteForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(inviteMemberAction, null);
  const { t } = useI18n();
  const error = state && !state.ok ? state.fieldErrors?.email : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <Field id="invite-email" label={t('dashboard.team.email')} error={error}>
        <input id="invite-email" name="email" type="email" required className={inputClass} aria-invalid={error ? true : undefined} />
      </Field>
      <Field id="invite-role" label={t('dashboard.team.role')}>
        <select id="invite-role" name="role" defaultValue="STAFF" className={inputClass}>
          <option value="STAFF">{t('dashboard.team.roles.STAFF')}</option>
          <option value="OWNER">{t('dashboard.team.roles.OWNER')}</option>
        </select>
      </Field>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t(pending ? 'dashboard.team.sending' : 'dashboard.team.send')}
      </button>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function RemoveMemberButton({ slug, userId, label }: { slug: string; userId: string; label: string }) {
  const [state, action, pending] = useActionState(removeMemberAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}>
        {label}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
