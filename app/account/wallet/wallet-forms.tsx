'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { MessageKey } from '@/app/_i18n/translate';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import { keepValuesOnSubmit } from '@/app/_lib/keep-form-values';
import {
  addAddressAction,
  addCardAction,
  removeAddressAction,
  removeCardAction,
  setDefaultAddressAction,
  setDefaultCardAction,
} from './actions';
import { AddressFields, CardFields } from './wallet-fields';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

function AddForm({
  action,
  submit,
  prefix,
  children,
}: {
  action: Action;
  submit: MessageKey;
  prefix: string;
  children: (error: (name: string) => string | undefined) => React.ReactNode;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  // A refusal keeps what was typed (one wrong field, one fix); a saved card or address empties the form.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-4" noValidate>
      {children(error)}
      <label htmlFor={`${prefix}-makeDefault`} className="flex items-center gap-2 text-sm">
        <input id={`${prefix}-makeDefault`} type="checkbox" name="makeDefault" className="h-4 w-4" />{' '}
        {t('commerce.wallet.form.makeDefault')}
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('commerce.wallet.form.saving') : t(submit)}
      </button>
    </form>
  );
}

export function AddAddressForm() {
  return (
    <AddForm action={addAddressAction} submit="commerce.wallet.form.saveAddress" prefix="new-address">
      {(error) => <AddressFields error={error} prefix="new-address" />}
    </AddForm>
  );
}

/** The number is posted to addCardAction, which tokenizes it at once; the form is emptied once the card is saved. */
export function AddCardForm() {
  return (
    <AddForm action={addCardAction} submit="commerce.wallet.form.saveCard" prefix="new-card">
      {(error) => <CardFields error={error} prefix="new-card" />}
    </AddForm>
  );
}

type ItemKind = { action: Action; label: MessageKey; ariaLabel: MessageKey; pending: MessageKey; danger: boolean };

const ITEM_ACTIONS = {
  'address:default': {
    action: setDefaultAddressAction,
    label: 'commerce.wallet.item.makeDefault',
    ariaLabel: 'commerce.wallet.item.makeDefaultLabel',
    pending: 'commerce.wallet.item.saving',
    danger: false,
  },
  'address:remove': {
    action: removeAddressAction,
    label: 'commerce.wallet.item.remove',
    ariaLabel: 'commerce.wallet.item.removeLabel',
    pending: 'commerce.wallet.item.removing',
    danger: true,
  },
  'card:default': {
    action: setDefaultCardAction,
    label: 'commerce.wallet.item.makeDefault',
    ariaLabel: 'commerce.wallet.item.makeDefaultLabel',
    pending: 'commerce.wallet.item.saving',
    danger: false,
  },
  'card:remove': {
    action: removeCardAction,
    label: 'commerce.wallet.item.remove',
    ariaLabel: 'commerce.wallet.item.removeLabel',
    pending: 'commerce.wallet.item.removing',
    danger: true,
  },
} as const satisfies Record<string, ItemKind>;

/** One button acting on one saved address or card; `what` names it for screen readers. */
export function ItemButton({ kind, id, what }: { kind: keyof typeof ITEM_ACTIONS; id: string; what: string }) {
  const { t } = useI18n();
  const { action, label, ariaLabel, pending: pendingLabel, danger } = ITEM_ACTIONS[kind];
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(ariaLabel, { item: what })}
        className={`${secondaryButtonClass} px-3 py-1.5 text-sm ${danger ? 'text-red-700' : ''}`}
      >
        {pending ? t(pendingLabel) : t(label)}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
