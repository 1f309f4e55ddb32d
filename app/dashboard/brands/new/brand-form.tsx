'use client';

import { useActionState, useEffect, useState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { Choice } from '@/app/_lib/zone-and-currency-choices';
import type { BrandAddressCheck } from '@/server/domain/brands';
import { slugFromName } from '@/server/domain/slug';
import { checkBrandAddressAction, createBrandAction } from './actions';
import { ChoiceOptions } from '@/app/dashboard/_components/choice-options';

const CHECK_DELAY_MS = 300;
const DEFAULT_TIME_ZONE = 'Asia/Phnom_Penh';

export function BrandForm({ timeZones, currencies, host }: { timeZones: Choice[]; currencies: Choice[]; host: string }) {
  const [state, action, pending] = useActionState(createBrandAction, null);
  const { t } = useI18n();
  // Both controlled: React resets a form after its action, and a refusal must not wipe what was typed.
  // The address follows the name until the person edits it (emptying it hands it back to the name).
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [currency, setCurrency] = useState('USD');
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [check, setCheck] = useState<BrandAddressCheck | null>(null);
  // The zone this device is set to is most likely the brand's: chosen after hydration, since the
  // server cannot know it, and only if the list has it (some browsers name an alias).
  useEffect(() => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZones.some((z) => z.value === here)) setTimeZone(here);
  }, [timeZones]);
  useEffect(() => {
    if (!slug) return;
    let current = true;
    const timer = setTimeout(() => {
      void checkBrandAddressAction(slug).then((answer) => {
        if (current) setCheck(answer);
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug]);
  const checked = check && check.slug === slug.trim().toLowerCase() ? check : null;
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const slugError =
    error('slug') ??
    (checked?.status === 'TAKEN'
      ? t('account.newBrand.slugTaken', { slug: checked.slug })
      : checked?.status === 'INVALID'
        ? t('account.newBrand.slugRule')
        : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="name" label={t('account.newBrand.name')} error={error('name')}>
        <input
          id="name"
          name="name"
          required
          className={inputClass}
          aria-invalid={error('name') ? true : undefined}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugFromName(e.target.value));
          }}
        />
      </Field>
      <Field id="slug" label={t('account.newBrand.slug')} hint={t('account.newBrand.slugHint')} error={slugError}>
        <input
          id="slug"
          name="slug"
          required
          pattern="[a-z0-9-]{3,40}"
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value.toLowerCase());
            setSlugEdited(e.target.value !== '');
          }}
          className={inputClass}
          aria-invalid={slugError ? true : undefined}
          aria-describedby={slugError ? 'slug-error slug-preview' : 'slug-hint slug-preview'}
        />
        <p id="slug-preview" className="text-sm text-neutral-700" aria-live="polite" data-testid="brand-address-preview">
          <span className="font-medium">{`${host}/brands/${slug.trim().toLowerCase() || '…'}`}</span>
          {checked?.status === 'AVAILABLE' && <span className="ml-2 text-emerald-700">{t('account.newBrand.slugAvailable')}</span>}
        </p>
      </Field>
      <Field id="currency" label={t('account.newBrand.currency')} error={error('currency')}>
        <select id="currency" name="currency" className={inputClass} value={currency} onChange={(e) => setCurrency(e.target.value)}>
          <ChoiceOptions choices={currencies} />
        </select>
      </Field>
      <Field id="timeZone" label={t('account.newBrand.timeZone')} hint={t('account.newBrand.timeZoneHint')} error={error('timeZone')}>
        <select id="timeZone" name="timeZone" className={inputClass} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          <ChoiceOptions choices={timeZones} />
        </select>
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('account.newBrand.pending') : t('account.newBrand.submit')}
      </button>
    </form>
  );
}
