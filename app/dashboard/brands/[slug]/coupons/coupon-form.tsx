'use client';

import { useActionState, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { createCouponAction } from './actions';
import { zoneCity } from '@/app/_lib/zone-city';

export function CouponForm({
  slug,
  currency,
  timeZone,
  shows,
}: {
  slug: string;
  currency: string;
  timeZone: string;
  shows: { id: string; title: string }[];
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(createCouponAction, null);
  const [kind, setKind] = useState<'PERCENT' | 'FIXED'>('PERCENT');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // Fields with a hint point at it until an error takes its place (Field shows one or the other).
  const invalid = (field: string, hasHint = false) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `coupon-${field}-error` : hasHint ? `coupon-${field}-hint` : undefined,
  });
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-labelledby="new-coupon-heading">
      <input type="hidden" name="slug" value={slug} />
      <Field id="coupon-code" label={t('commerce.coupons.form.code')} hint={t('commerce.coupons.form.codeHint')} error={errors.code}>
        <input
          id="coupon-code"
          name="code"
          required
          maxLength={32}
          autoCapitalize="characters"
          className={`${inputClass} uppercase`}
          {...invalid('code', true)}
        />
      </Field>
      <Field id="coupon-kind" label={t('commerce.coupons.form.kind')}>
        <select
          id="coupon-kind"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'PERCENT' | 'FIXED')}
          className={inputClass}
        >
          <option value="PERCENT">{t('commerce.coupons.form.percentKind')}</option>
          <option value="FIXED">{t('commerce.coupons.form.fixedKind')}</option>
        </select>
      </Field>
      <Field
        id="coupon-value"
        label={kind === 'PERCENT' ? t('commerce.coupons.form.percentValue') : t('commerce.coupons.form.amountValue', { currency })}
        hint={t('commerce.coupons.form.valueHint')}
        error={errors.value}
      >
        <input
          id="coupon-value"
          name="value"
          inputMode={kind === 'PERCENT' ? 'numeric' : 'decimal'}
          required
          className={inputClass}
          {...invalid('value', true)}
        />
      </Field>
      <Field id="coupon-showId" label={t('commerce.coupons.form.validIn')}>
        <select id="coupon-showId" name="showId" defaultValue="" className={inputClass}>
          <option value="">{t('commerce.coupons.form.everyShow')}</option>
          {shows.map((show) => (
            <option key={show.id} value={show.id}>
              {t('commerce.coupons.form.onlyShow', { title: show.title })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="coupon-minSubtotal" label={t('commerce.coupons.form.minSubtotal', { currency })} error={errors.minSubtotal}>
        <input id="coupon-minSubtotal" name="minSubtotal" inputMode="decimal" className={inputClass} {...invalid('minSubtotal')} />
      </Field>
      <Field
        id="coupon-maxRedemptions"
        label={t('commerce.coupons.form.maxRedemptions')}
        hint={t('commerce.coupons.form.maxRedemptionsHint')}
        error={errors.maxRedemptions}
      >
        <input
          id="coupon-maxRedemptions"
          name="maxRedemptions"
          inputMode="numeric"
          className={inputClass}
          {...invalid('maxRedemptions', true)}
        />
      </Field>
      <Field id="coupon-perBuyerLimit" label={t('commerce.coupons.form.perBuyerLimit')} error={errors.perBuyerLimit}>
        <input
          id="coupon-perBuyerLimit"
          name="perBuyerLimit"
          inputMode="numeric"
          defaultValue="1"
          className={inputClass}
          {...invalid('perBuyerLimit')}
        />
      </Field>
      <div className="hidden sm:block" />
      <Field id="coupon-startsAt" label={t('commerce.coupons.form.startsAt', { zone: zoneCity(timeZone) })} error={errors.startsAt}>
        <input id="coupon-startsAt" name="startsAt" type="datetime-local" className={inputClass} {...invalid('startsAt')} />
      </Field>
      <Field id="coupon-expiresAt" label={t('commerce.coupons.form.expiresAt', { zone: zoneCity(timeZone) })} error={errors.expiresAt}>
        <input id="coupon-expiresAt" name="expiresAt" type="datetime-local" className={inputClass} {...invalid('expiresAt')} />
      </Field>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('commerce.coupons.form.creating') : t('commerce.coupons.form.create')}
        </button>
      </div>
    </form>
  );
}
