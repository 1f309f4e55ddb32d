'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { saveMyConnectAccountAction } from './connect-actions';

/** A host's own Stripe connected account, shown by its last four: brands paying out through Connect transfer there. */
export function ConnectAccountForm({ accountMasked }: { accountMasked: string | null }) {
  const { t } = useI18n();
  const [state, save, saving] = useActionState(saveMyConnectAccountAction, null);
  return (
    <form action={save} className="max-w-md space-y-3" noValidate aria-label={t('connect.hostHeading')}>
      <p className="text-sm" data-testid="host-connect-account">
        {accountMasked ? t('connect.saved', { account: accountMasked }) : t('connect.none')}
      </p>
      <Field id="host-connect-account-id" label={t('connect.account')} hint={t('connect.hostAccountHint')}>
        <input id="host-connect-account-id" name="accountId" autoComplete="off" placeholder="acct_…" className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={saving} className={primaryButtonClass}>
        {t('connect.hostSave')}
      </button>
    </form>
  );
}
