'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { updateShippingAction } from './actions';

export function ShippingForm({ slug, currency, flat, freeOver }: { slug: string; currency: string; flat: string; freeOver: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(updateShippingAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label={t('commerce.shipping.formLabel')}>
      <input type="hidden" name="slug" value={slug} />
      <Field
        id="shipping-flat"
        label={t('commerce.shipping.flat', { currency })}
        hint={t('commerce.shipping.flatHint')}
        error={errors.flat}
      >
        <input
          id="shipping-flat"
          name="flat"
          inputMode="decimal"
          defaultValue={flat}
          required
          className={inputClass}
          aria-invalid={errors.flat ? true : undefined}
          aria-describedby={errors.flat ? 'shipping-flat-error' : 'shipping-flat-hint'}
        />
      </Field>
      <Field
        id="shipping-free-over"
        label={t('commerce.shipping.freeOver', { currency })}
        hint={t('commerce.shipping.freeOverHint')}
        error={errors.freeOver}
      >
        <input
          id="shipping-free-over"
          name="freeOver"
          inputMode="decimal"
          defaultValue={freeOver}
          className={inputClass}
          aria-invalid={errors.freeOver ? true : undefined}
          aria-describedby={errors.freeOver ? 'shipping-free-over-error' : 'shipping-free-over-hint'}
        />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('commerce.shipping.saving') : t('commerce.shipping.save')}
      </button>
    </form>
  );
}
