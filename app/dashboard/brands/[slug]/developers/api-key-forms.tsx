'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { API_SCOPE_LABELS, API_SCOPES } from '@/server/api/scopes';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { SecretReveal } from './secret-reveal';

export function CreateApiKeyForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <Field id="key-name" label="Key name" hint="What uses it, like “Warehouse sync”." error={errors?.name}>
          <input id="key-name" name="name" required maxLength={80} className={inputClass} aria-invalid={errors?.name ? true : undefined} aria-describedby={errors?.name ? 'key-name-error' : 'key-name-hint'} />
        </Field>
        <fieldset className="space-y-1" aria-describedby={errors?.scopes ? 'key-scopes-error' : undefined}>
          <legend className="text-sm font-medium">Permissions</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 py-1 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope.endsWith(':read')} className="mt-0.5 size-4" />
              <span>
                <span className="font-mono">{scope}</span> — {API_SCOPE_LABELS[scope]}
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
          {pending ? 'Creating…' : 'Create API key'}
        </button>
        <FormMessage state={state} />
      </form>
      {state?.ok && state.secret && <SecretReveal label="Your new API key" secret={state.secret} />}
    </div>
  );
}

export function RevokeApiKeyButton({ slug, keyId, name }: { slug: string; keyId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="keyId" value={keyId} />
      <button type="submit" disabled={pending} aria-label={`Revoke key ${name}`} className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
