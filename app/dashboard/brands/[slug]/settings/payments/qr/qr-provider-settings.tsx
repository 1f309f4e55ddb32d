'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { QrKind, QrProviderView } from '@/server/domain/qr-payments';
import { saveQrProviderAction } from './qr-actions';

const RAIL_NAMES: Record<QrKind, string> = { KHQR: 'KHQR (Bakong)', QPAY: 'QPay', LAOQR: 'Lao QR' };

// The fields of each rail's form: [name, secret?]. Secrets are never filled in from the server.
const FIELDS: Record<QrKind, readonly (readonly [string, boolean])[]> = {
  KHQR: [
    ['accountId', false],
    ['merchantName', false],
    ['merchantCity', false],
    ['merchantId', false],
    ['acquiringBank', false],
    ['token', true],
  ],
  QPAY: [
    ['invoiceCode', false],
    ['clientId', false],
    ['clientSecret', true],
  ],
  LAOQR: [
    ['merchantId', false],
    ['merchantName', false],
    ['merchantCity', false],
    ['bankCode', false],
    ['guid', false],
  ],
};

type FieldKey =
  | 'accountId'
  | 'merchantName'
  | 'merchantCity'
  | 'merchantId'
  | 'acquiringBank'
  | 'token'
  | 'invoiceCode'
  | 'clientId'
  | 'clientSecret'
  | 'bankCode'
  | 'guid';

/** A brand's bank QR rails (issue 21), one form each: switched on, merchant details, the sealed secret. */
export function QrProviderSettings({ slug, providers }: { slug: string; providers: QrProviderView[] }) {
  return (
    <div className="space-y-8">
      {providers.map((provider) => (
        <QrProviderForm key={provider.kind} slug={slug} provider={provider} />
      ))}
    </div>
  );
}

function QrProviderForm({ slug, provider }: { slug: string; provider: QrProviderView }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(saveQrProviderAction, null);
  const id = (name: string) => `qr-${provider.kind.toLowerCase()}-${name}`;
  return (
    <form
      action={action}
      className="max-w-md space-y-3 rounded-xl border border-neutral-200 p-4"
      aria-label={RAIL_NAMES[provider.kind]}
      noValidate
    >
      <h2 className="text-lg font-semibold">{RAIL_NAMES[provider.kind]}</h2>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="kind" value={provider.kind} />
      {provider.kind === 'LAOQR' && <p className="text-sm text-amber-900">{t('dashboard.qrPayments.laoNote')}</p>}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={provider.enabled} id={id('enabled')} />
        {t('dashboard.qrPayments.enabled')}
      </label>
      {FIELDS[provider.kind].map(([name, secret]) => (
        <Field
          key={name}
          id={id(name)}
          label={t(`dashboard.qrPayments.${name as FieldKey}`)}
          hint={secret && provider.hasSecret ? t('dashboard.qrPayments.secretStored') : undefined}
        >
          <input
            id={id(name)}
            name={name}
            type={secret ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            defaultValue={secret ? '' : (provider.settings[name] ?? '')}
            className={inputClass}
          />
        </Field>
      ))}
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('dashboard.qrPayments.saving') : t('dashboard.qrPayments.save')}
      </button>
    </form>
  );
}
