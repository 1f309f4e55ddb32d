'use client';

import { useActionState } from 'react';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';
import { addAddressAction, addCardAction, removeAddressAction, removeCardAction, setDefaultAddressAction, setDefaultCardAction } from './actions';
import { AddressFields, CardFields } from './wallet-fields';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

function AddForm({ action, submit, children }: { action: Action; submit: string; children: (error: (name: string) => string | undefined) => React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {children(error)}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="makeDefault" className="h-4 w-4" /> Make this my default
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Saving…' : submit}
      </button>
    </form>
  );
}

export function AddAddressForm() {
  return <AddForm action={addAddressAction} submit="Save address">{(error) => <AddressFields error={error} prefix="new-address" />}</AddForm>;
}

/** The number is posted to addCardAction, which tokenizes it at once; React clears the form after the action. */
export function AddCardForm() {
  return <AddForm action={addCardAction} submit="Save card">{(error) => <CardFields error={error} prefix="new-card" />}</AddForm>;
}

const ITEM_ACTIONS = {
  'address:default': { action: setDefaultAddressAction, label: 'Make default', pending: 'Saving…', danger: false },
  'address:remove': { action: removeAddressAction, label: 'Remove', pending: 'Removing…', danger: true },
  'card:default': { action: setDefaultCardAction, label: 'Make default', pending: 'Saving…', danger: false },
  'card:remove': { action: removeCardAction, label: 'Remove', pending: 'Removing…', danger: true },
} as const;

/** One button acting on one saved address or card; `what` names it for screen readers. */
export function ItemButton({ kind, id, what }: { kind: keyof typeof ITEM_ACTIONS; id: string; what: string }) {
  const { action, label, pending: pendingLabel, danger } = ITEM_ACTIONS[kind];
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`${label}: ${what}`} className={`${secondaryButtonClass} px-3 py-1.5 text-sm ${danger ? 'text-red-700' : ''}`}>
        {pending ? pendingLabel : label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
