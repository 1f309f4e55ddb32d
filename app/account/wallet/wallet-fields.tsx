'use client';

import { useI18n } from '@/app/_i18n/client';
import { Field, inputClass } from '@/app/_components/ui';
import { CountryPicker } from './country-picker';

// Address and card inputs shared by the wallet page and the one-tap sheet in the
// player. Names match addressInputSchema and cardInputSchema. The English labels
// are what e2e/checkout-flow.spec.ts finds the sheet's fields by. No field has a
// maxLength: a browser cuts what is typed past it without a word, so too long is
// refused by the server, aloud, instead.

type ErrorOf = (name: string) => string | undefined;

function Input({
  name,
  label,
  error,
  prefix,
  hint,
  ...props
}: { name: string; label: string; error: ErrorOf; prefix: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `${prefix}-${name}`;
  const message = error(name);
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <Field id={id} label={label} error={message} hint={hint}>
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      />
    </Field>
  );
}

export function AddressFields({ error, prefix = 'address' }: { error: ErrorOf; prefix?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t('commerce.wallet.address.legend')}</legend>
      <Input
        prefix={prefix}
        name="fullName"
        label={t('commerce.wallet.address.fullName')}
        autoComplete="shipping name"
        required
        error={error}
      />
      <Input
        prefix={prefix}
        name="line1"
        label={t('commerce.wallet.address.line1')}
        autoComplete="shipping address-line1"
        required
        error={error}
      />
      <Input prefix={prefix} name="line2" label={t('commerce.wallet.address.line2')} autoComplete="shipping address-line2" error={error} />
      <div className="grid grid-cols-2 gap-3">
        <Input
          prefix={prefix}
          name="city"
          label={t('commerce.wallet.address.city')}
          autoComplete="shipping address-level2"
          required
          error={error}
        />
        <Input
          prefix={prefix}
          name="region"
          label={t('commerce.wallet.address.region')}
          autoComplete="shipping address-level1"
          error={error}
        />
        <Input
          prefix={prefix}
          name="postalCode"
          label={t('commerce.wallet.address.postalCode')}
          autoComplete="shipping postal-code"
          error={error}
        />
      </div>
      <CountryPicker prefix={prefix} error={error('country')} />
      <Input prefix={prefix} name="phone" label={t('commerce.wallet.address.phone')} type="tel" autoComplete="shipping tel" error={error} />
    </fieldset>
  );
}

export function CardFields({ error, prefix = 'card' }: { error: ErrorOf; prefix?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t('commerce.wallet.card.legend')}</legend>
      <Input
        prefix={prefix}
        name="number"
        label={t('commerce.wallet.card.number')}
        inputMode="numeric"
        autoComplete="cc-number"
        required
        error={error}
        hint={t('commerce.wallet.card.numberHint')}
      />
      <div className="grid grid-cols-3 gap-3">
        <Input
          prefix={prefix}
          name="expMonth"
          label={t('commerce.wallet.card.month')}
          inputMode="numeric"
          autoComplete="cc-exp-month"
          placeholder={t('commerce.wallet.card.monthPlaceholder')}
          required
          error={error}
        />
        <Input
          prefix={prefix}
          name="expYear"
          label={t('commerce.wallet.card.year')}
          inputMode="numeric"
          autoComplete="cc-exp-year"
          placeholder={t('commerce.wallet.card.yearPlaceholder')}
          required
          error={error}
        />
        <Input
          prefix={prefix}
          name="cvc"
          label={t('commerce.wallet.card.cvc')}
          inputMode="numeric"
          autoComplete="cc-csc"
          required
          error={error}
        />
      </div>
      <Input prefix={prefix} name="holder" label={t('commerce.wallet.card.holder')} autoComplete="cc-name" required error={error} />
    </fieldset>
  );
}
