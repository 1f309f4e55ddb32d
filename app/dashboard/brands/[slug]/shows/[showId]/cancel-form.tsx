'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/app/_lib/action';
import { dangerButtonClass, Field, FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

/** Cancelling cannot be undone and emails everyone interested, so it takes a second, explicit step. */
export function CancelForm({ action: serverAction }: { action: Action }) {
  const [state, action, pending] = useActionState(serverAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)}>
          Cancel this show…
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4">
      <p className="font-semibold text-red-900">Cancel the show for everyone? The host, followers and people with a reminder will be told. This cannot be undone.</p>
      <Field id="cancel-reason" label="Reason (optional, shown to viewers)">
        <textarea id="cancel-reason" name="reason" rows={2} maxLength={500} className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? 'Cancelling…' : 'Yes, cancel the show'}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
          Keep the show
        </button>
      </div>
    </form>
  );
}
