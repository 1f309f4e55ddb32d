'use client';

import { useActionState } from 'react';
import { FormMessage, secondaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';

/** One button: archive an active or draft product, or bring an archived one back as a draft. */
export function StatusForm({ action, archived }: { action: (state: ActionState | null, form: FormData) => Promise<ActionState>; archived: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="status" value={archived ? 'DRAFT' : 'ARCHIVED'} />
      <p className="text-sm text-neutral-600">{archived ? 'Archived products are hidden from shows. Unarchiving makes it a draft again.' : 'Archiving hides the product from shows but keeps its orders and history.'}</p>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {archived ? 'Unarchive' : 'Archive product'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
