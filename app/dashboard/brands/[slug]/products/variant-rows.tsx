'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { inputClass, secondaryButtonClass } from '@/app/_components/ui';

export interface VariantRowValue {
  /** Absent for a row added in this editor. */
  id?: string;
  name: string;
  sku: string;
  /** `Size=M; Colour=Red` */
  options: string;
  /** In major units, e.g. "12.50". */
  price: string;
  stock: string;
  hasOrders: boolean;
  /** Units held for people on the variant's waitlist (not counted in stock). */
  heldForWaitlist?: number;
}

type Row = VariantRowValue & { key: number };

const EMPTY: VariantRowValue = { name: '', sku: '', options: '', price: '', stock: '0', hasOrders: false };

function RowInput({
  index,
  field,
  label,
  defaultValue,
  errors,
  hint,
  autoFocus,
  inputMode,
}: {
  index: number;
  field: string;
  label: string;
  defaultValue: string;
  errors: Record<string, string>;
  hint?: string;
  autoFocus?: boolean;
  inputMode?: 'decimal' | 'numeric';
}) {
  const name = `variants.${index}.${field}`;
  const id = `variant-${index}-${field}`;
  const error = errors[name];
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-neutral-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The variants table: one fieldset per variant, rows added and removed in
 * place. Inputs are uncontrolled and keyed, so removing a row keeps what was
 * typed in the others.
 */
export function VariantRows({
  initial,
  currency,
  errors,
}: {
  initial: VariantRowValue[];
  currency: string;
  errors: Record<string, string>;
}) {
  const [rows, setRows] = useState<Row[]>(() => (initial.length ? initial : [EMPTY]).map((row, key) => ({ ...row, key })));
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const { t } = useI18n();

  function add() {
    const key = Math.max(-1, ...rows.map((r) => r.key)) + 1;
    setRows([...rows, { ...EMPTY, key }]);
    setAddedKey(key);
  }

  return (
    <section aria-labelledby="variants-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="variants-heading" className="text-lg font-semibold">
            {t('dashboard.productForm.variantsHeading')}
          </h2>
          <p className="text-sm text-neutral-600">{t('dashboard.productForm.variantsHint', { currency })}</p>
        </div>
        <button type="button" onClick={add} className={secondaryButtonClass}>
          {t('dashboard.productForm.addVariant')}
        </button>
      </div>
      {errors.variants && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.variants}
        </p>
      )}
      <ol className="space-y-3">
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className="rounded-xl border border-neutral-200 p-3">
              <legend className="px-1 text-sm font-semibold">
                {row.name
                  ? t('dashboard.productForm.variantNamed', { number: index + 1, name: row.name })
                  : t('dashboard.productForm.variant', { number: index + 1 })}
              </legend>
              {row.id && <input type="hidden" name={`variants.${index}.id`} value={row.id} />}
              {row.id && <input type="hidden" name={`variants.${index}.stockShown`} value={row.stock} />}
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1.5fr_1fr_1.5fr_0.8fr_0.7fr]">
                <RowInput
                  index={index}
                  field="name"
                  label={t('dashboard.productForm.name')}
                  defaultValue={row.name}
                  errors={errors}
                  autoFocus={row.key === addedKey}
                />
                <RowInput index={index} field="sku" label={t('dashboard.productForm.sku')} defaultValue={row.sku} errors={errors} />
                <RowInput
                  index={index}
                  field="options"
                  label={t('dashboard.productForm.options')}
                  defaultValue={row.options}
                  errors={errors}
                  hint={t('dashboard.productForm.optionsHint')}
                />
                <RowInput
                  index={index}
                  field="price"
                  label={t('dashboard.productForm.price', { currency })}
                  defaultValue={row.price}
                  errors={errors}
                  inputMode="decimal"
                />
                <RowInput
                  index={index}
                  field="stock"
                  label={t('dashboard.productForm.stock')}
                  defaultValue={row.stock}
                  errors={errors}
                  hint={row.heldForWaitlist ? t('dashboard.productForm.heldForWaitlist', { count: row.heldForWaitlist }) : undefined}
                  inputMode="numeric"
                />
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <button
                  type="button"
                  onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                  disabled={rows.length === 1 || row.hasOrders}
                  aria-label={
                    row.name
                      ? t('dashboard.productForm.removeVariantNamed', { number: index + 1, name: row.name })
                      : t('dashboard.productForm.removeVariant', { number: index + 1 })
                  }
                  className="rounded-full px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:text-neutral-400 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-red-700"
                >
                  {t('dashboard.form.remove')}
                </button>
                {row.hasOrders && <p className="text-xs text-neutral-600">{t('dashboard.productForm.keptOrdered')}</p>}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
    </section>
  );
}
