'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { saveBrandConnectAction } from './connect-actions';

/** The brand's Stripe Connect account (shown by its last four) and its payouts switch. */
export function ConnectPayoutsForm({
  slug,
  accountMasked,
  payoutsEnabled,
}: {
  slug: string;
  accountMasked: string | null;
  payoutsEnabled: boolean;
}) {
  const { t } = useI18n();
  const [state, save, saving] = useActionState(saveBrandConnectAction, null);
  return (
    <form action={save} className="max-w-md space-y-3" noValidate aria-label={t('connect.heading')}>
      <input type="hidden" name="slug" value={slug} />
      <p className="text-sm" data-testid="connect-account">
        {accountMasked ? t('connect.saved', { account: accountMasked }) : t('connect.none')}
      </p>
      <Field id="connect-account-id" label={t('connect.account')} hint={t('connect.accountHint')}>
        <input id="connect-account-id" name="accountId" autoComplete="off" placeholder="acct_…" className={inputClass} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="payoutsEnabled" defaultChecked={payoutsEnabled} />
        {t('connect.enabled')}
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={saving} className={primaryButtonClass}>
        {t('connect.save')}
      </button>
    </form>
  );
}
