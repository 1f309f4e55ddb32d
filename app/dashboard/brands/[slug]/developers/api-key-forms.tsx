'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { MessageKey } from '@/app/_i18n/translate';
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { API_SCOPES, type ApiScope } from '@/server/api/scopes';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { SecretReveal } from './secret-reveal';

const SCOPE_LABELS: Record<ApiScope, MessageKey> = {
  'products:read': 'commerce.developers.keys.scopes.productsRead',
  'products:write': 'commerce.developers.keys.scopes.productsWrite',
  'stock:write': 'commerce.developers.keys.scopes.stockWrite',
  'shows:read': 'commerce.developers.keys.scopes.showsRead',
  'orders:read': 'commerce.developers.keys.scopes.ordersRead',
  'orders:write': 'commerce.developers.keys.scopes.ordersWrite',
  'embed:write': 'commerce.developers.keys.scopes.embedWrite',
};

export function CreateApiKeyForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <Field id="key-name" label={t('commerce.developers.keys.name')} hint={t('commerce.developers.keys.nameHint')} error={errors?.name}>
          <input
            id="key-name"
            name="name"
            required
            maxLength={80}
            className={inputClass}
            aria-invalid={errors?.name ? true : undefined}
            aria-describedby={errors?.name ? 'key-name-error' : 'key-name-hint'}
          />
        </Field>
        <fieldset className="space-y-1" aria-describedby={errors?.scopes ? 'key-scopes-error' : undefined}>
          <legend className="text-sm font-medium">{t('commerce.developers.keys.permissions')}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 py-1 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope.endsWith(':read')} className="mt-0.5 size-4" />
              <span>
                <span className="font-mono">{scope}</span> — {t(SCOPE_LABELS[scope])}
              </span>
            </label>
          ))}
          {errors?.scopes && (
            <p id="key-scopes-error" className="text-xs font-medium text-red-700">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('commerce.developers.keys.creating') : t('commerce.developers.keys.create')}
        </button>
        <FormMessage state={state} />
      </form>
      {state?.ok && state.secret && <SecretReveal label={t('commerce.developers.keys.newKey')} secret={state.secret} />}
    </div>
  );
}

export function RevokeApiKeyButton({ slug, keyId, name }: { slug: string; keyId: string; name: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="keyId" value={keyId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('commerce.developers.keys.revokeLabel', { name })}
        className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}
      >
        {pending ? t('commerce.developers.keys.revoking') : t('commerce.developers.keys.revoke')}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
