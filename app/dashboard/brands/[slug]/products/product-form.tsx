'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import { NewProductImage } from './new-product-image';
import { VariantRows, type VariantRowValue } from './variant-rows';

export interface ProductFormValues {
  title: string;
  description: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  variants: VariantRowValue[];
}

/**
 * The product editor, for a new product and an existing one. It submits from
 * onSubmit rather than the form's action prop: React resets a form after an
 * action, which would throw away a long variants table on a single typo.
 */
export function ProductForm({
  action,
  initial,
  currency,
  submitLabel,
  withImage = false,
}: {
  action: (state: ActionState | null, form: FormData) => Promise<ActionState>;
  initial: ProductFormValues;
  currency: string;
  submitLabel: string;
  /** The create form takes the image too; an existing product changes it on its own page. */
  withImage?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [status, setStatus] = useState(initial.status);
  const { t } = useI18n();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const invalid = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field id="title" label={t('dashboard.productForm.title')} error={errors.title}>
          <input
            id="title"
            name="title"
            required
            maxLength={200}
            defaultValue={initial.title}
            className={inputClass}
            {...invalid('title')}
          />
        </Field>
        <Field id="status" label={t('dashboard.productForm.status')} hint={t('dashboard.productForm.statusHint')} error={errors.status}>
          <select
            id="status"
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProductFormValues['status'])}
            className={inputClass}
            aria-describedby="status-hint"
          >
            <option value="DRAFT">{t('dashboard.productStatus.DRAFT')}</option>
            <option value="ACTIVE">{t('dashboard.productStatus.ACTIVE')}</option>
            <option value="ARCHIVED">{t('dashboard.productStatus.ARCHIVED')}</option>
          </select>
        </Field>
      </div>
      <Field id="description" label={t('dashboard.productForm.description')} error={errors.description}>
        <textarea
          id="description"
          name="description"
          rows={4}
          maxLength={5000}
          defaultValue={initial.description}
          className={inputClass}
          {...invalid('description')}
        />
      </Field>
      {withImage && <NewProductImage error={errors.image} />}
      <VariantRows initial={initial.variants} currency={currency} errors={errors} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? t('dashboard.form.saving') : submitLabel}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => history.back()}>
          {t('dashboard.form.cancel')}
        </button>
      </div>
    </form>
  );
}
