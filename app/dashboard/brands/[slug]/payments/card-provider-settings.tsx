'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import type { CardProviderView } from '@/server/domain/brand-payments';
import { chooseCardProviderAction, saveStripeKeysAction, testStripeConnectionAction } from './actions';

const KEY_FIELDS = [
  { name: 'secretKey', label: 'payments.card.secretKey', last4: 'secretKeyLast4' },
  { name: 'publishableKey', label: 'payments.card.publishableKey', last4: 'publishableKeyLast4' },
  { name: 'webhookSecret', label: 'payments.card.webhookSecret', last4: 'webhookSecretLast4' },
] as const;

/** Card payments: which provider takes them, and the brand's Stripe keys (shown only by their last four). */
export function CardProviderSettings({ slug, view, webhookUrl }: { slug: string; view: CardProviderView; webhookUrl: string | null }) {
  const { t } = useI18n();
  const [chosen, choose, choosing] = useActionState(chooseCardProviderAction, null);
  const [saved, save, saving] = useActionState(saveStripeKeysAction, null);
  const [tested, test, testing] = useActionState(testStripeConnectionAction, null);
  const errors = saved && !saved.ok ? (saved.fieldErrors ?? {}) : {};
  const inUse = view.active === 'STRIPE' ? 'Stripe' : t('payments.card.test');
  return (
    <section aria-labelledby="card-payments-heading" className="space-y-4">
      <h2 id="card-payments-heading" className="text-lg font-semibold">
        {t('payments.card.heading')}
      </h2>
      <p className="text-sm" data-testid="card-provider-in-use">
        {t('payments.card.inUse', { provider: inUse })}
      </p>
      {view.active === 'TEST' && (
        <p role="note" className="rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-900" data-testid="test-payments-warning">
          {t('payments.card.testWarning')}
        </p>
      )}
      <form action={choose} className="space-y-2" aria-label={t('payments.card.formLabel')}>
        <input type="hidden" name="slug" value={slug} />
        <fieldset className="space-y-1">
          <legend className="sr-only">{t('payments.card.formLabel')}</legend>
          {(['TEST', 'STRIPE'] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="provider" value={kind} defaultChecked={view.active === kind} />
              {kind === 'STRIPE' ? t('payments.card.stripe') : t('payments.card.test')}
            </label>
          ))}
        </fieldset>
        <FormMessage state={chosen} />
        <button type="submit" disabled={choosing} className={primaryButtonClass}>
          {t('payments.card.use')}
        </button>
      </form>
      <form action={save} className="max-w-md space-y-3" noValidate aria-label="Stripe">
        <input type="hidden" name="slug" value={slug} />
        {KEY_FIELDS.map((field) => {
          const last4 = view.stripe[field.last4];
          const id = `stripe-${field.name}`;
          return (
            <Field
              key={field.name}
              id={id}
              label={t(field.label)}
              hint={last4 ? t('payments.card.savedEnding', { last4 }) : t('payments.card.notSaved')}
              error={errors[field.name]}
            >
              <input
                id={id}
                name={field.name}
                type="password"
                autoComplete="off"
                spellCheck={false}
                className={inputClass}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={errors[field.name] ? `${id}-error` : `${id}-hint`}
              />
            </Field>
          );
        })}
        {webhookUrl && <p className="text-xs text-neutral-600">{t('payments.card.webhookHint', { url: webhookUrl })}</p>}
        <FormMessage state={saved} />
        <button type="submit" disabled={saving} className={primaryButtonClass}>
          {saving ? t('payments.card.saving') : t('payments.card.saveKeys')}
        </button>
      </form>
      {view.stripe.saved && (
        <form action={test} className="space-y-2">
          <input type="hidden" name="slug" value={slug} />
          <FormMessage state={tested} />
          <button type="submit" disabled={testing} className={secondaryButtonClass}>
            {t('payments.card.testConnection')}
          </button>
        </form>
      )}
      {view.stripe.payoutsEnabled && <p className="text-sm">{t('payments.card.payoutsOn')}</p>}
    </section>
  );
}
