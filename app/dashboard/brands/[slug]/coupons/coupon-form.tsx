'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { createCouponAction } from './actions';

export function CouponForm({ slug, currency, timeZone, shows }: { slug: string; currency: string; timeZone: string; shows: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState(createCouponAction, null);
  const [kind, setKind] = useState<'PERCENT' | 'FIXED'>('PERCENT');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const invalid = (field: string) => ({ 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': errors[field] ? `coupon-${field}-error` : undefined });
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="New coupon">
      <input type="hidden" name="slug" value={slug} />
      <Field id="coupon-code" label="Code" hint="Letters, digits and dashes; buyers can type it in any case." error={errors.code}>
        <input id="coupon-code" name="code" required maxLength={32} autoCapitalize="characters" className={`${inputClass} uppercase`} {...invalid('code')} />
      </Field>
      <Field id="coupon-kind" label="Kind">
        <select id="coupon-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'PERCENT' | 'FIXED')} className={inputClass}>
          <option value="PERCENT">Percent off the items</option>
          <option value="FIXED">Amount off the items</option>
        </select>
      </Field>
      <Field id="coupon-value" label={kind === 'PERCENT' ? 'Percent off (1–100)' : `Amount off (${currency})`} hint="Taken off the items, never off shipping." error={errors.value}>
        <input id="coupon-value" name="value" inputMode={kind === 'PERCENT' ? 'numeric' : 'decimal'} required className={inputClass} {...invalid('value')} />
      </Field>
      <Field id="coupon-showId" label="Valid in">
        <select id="coupon-showId" name="showId" defaultValue="" className={inputClass}>
          <option value="">Every show of the brand</option>
          {shows.map((show) => (
            <option key={show.id} value={show.id}>
              Only “{show.title}”
            </option>
          ))}
        </select>
      </Field>
      <Field id="coupon-minSubtotal" label={`Minimum items total (${currency}, optional)`} error={errors.minSubtotal}>
        <input id="coupon-minSubtotal" name="minSubtotal" inputMode="decimal" className={inputClass} {...invalid('minSubtotal')} />
      </Field>
      <Field id="coupon-maxRedemptions" label="Total uses (optional)" hint="Empty: no limit." error={errors.maxRedemptions}>
        <input id="coupon-maxRedemptions" name="maxRedemptions" inputMode="numeric" className={inputClass} {...invalid('maxRedemptions')} />
      </Field>
      <Field id="coupon-perBuyerLimit" label="Uses per buyer" error={errors.perBuyerLimit}>
        <input id="coupon-perBuyerLimit" name="perBuyerLimit" inputMode="numeric" defaultValue="1" className={inputClass} {...invalid('perBuyerLimit')} />
      </Field>
      <div className="hidden sm:block" />
      <Field id="coupon-startsAt" label={`Starts (optional, ${timeZone} time)`} error={errors.startsAt}>
        <input id="coupon-startsAt" name="startsAt" type="datetime-local" className={inputClass} {...invalid('startsAt')} />
      </Field>
      <Field id="coupon-expiresAt" label={`Ends (optional, ${timeZone} time)`} error={errors.expiresAt}>
        <input id="coupon-expiresAt" name="expiresAt" type="datetime-local" className={inputClass} {...invalid('expiresAt')} />
      </Field>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Creating…' : 'Create coupon'}
        </button>
      </div>
    </form>
  );
}
