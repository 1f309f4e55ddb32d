'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { createBrandAction } from './actions';

const CURRENCIES = ['USD', 'KHR', 'LAK', 'MNT', 'THB', 'VND', 'EUR'];

export function BrandForm({ timeZones }: { timeZones: string[] }) {
  const [state, action, pending] = useActionState(createBrandAction, null);
  const { t } = useI18n();
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="name" label={t('account.newBrand.name')} error={error('name')}>
        <input id="name" name="name" required className={inputClass} aria-invalid={error('name') ? true : undefined} />
      </Field>
      <Field id="slug" label={t('account.newBrand.slug')} hint={t('account.newBrand.slugHint')} error={error('slug')}>
        <input
          id="slug"
          name="slug"
          required
          pattern="[a-z0-9-]{3,40}"
          className={inputClass}
          aria-invalid={error('slug') ? true : undefined}
        />
      </Field>
      <Field id="currency" label={t('account.newBrand.currency')} error={error('currency')}>
        <select id="currency" name="currency" className={inputClass} defaultValue="USD">
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </Field>
      <Field id="timeZone" label={t('account.newBrand.timeZone')} hint={t('account.newBrand.timeZoneHint')} error={error('timeZone')}>
        <select id="timeZone" name="timeZone" className={inputClass} defaultValue="Asia/Phnom_Penh">
          {timeZones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </select>
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('account.newBrand.pending') : t('account.newBrand.submit')}
      </button>
    </form>
  );
}
