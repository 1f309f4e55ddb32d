'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { updateShippingAction } from './actions';

export function ShippingForm({ slug, currency, flat, freeOver }: { slug: string; currency: string; flat: string; freeOver: string }) {
  const [state, action, pending] = useActionState(updateShippingAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label="Shipping rule">
      <input type="hidden" name="slug" value={slug} />
      <Field id="shipping-flat" label={`Flat rate per order (${currency})`} hint="Charged once per order, whatever the number of items. 0 means shipping is always free." error={errors.flat}>
        <input id="shipping-flat" name="flat" inputMode="decimal" defaultValue={flat} required className={inputClass} aria-invalid={errors.flat ? true : undefined} aria-describedby={errors.flat ? 'shipping-flat-error' : 'shipping-flat-hint'} />
      </Field>
      <Field id="shipping-free-over" label={`Free shipping from (${currency}, optional)`} hint="Orders whose items reach this amount ship free. Leave empty to always charge the flat rate." error={errors.freeOver}>
        <input id="shipping-free-over" name="freeOver" inputMode="decimal" defaultValue={freeOver} className={inputClass} aria-invalid={errors.freeOver ? true : undefined} aria-describedby={errors.freeOver ? 'shipping-free-over-error' : 'shipping-free-over-hint'} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Saving…' : 'Save shipping'}
      </button>
    </form>
  );
}
