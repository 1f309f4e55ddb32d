'use client';

import { useActionState } from 'react';
import { FormMessage, primaryButtonClass } from '@/app/_components/ui';
import { acceptInviteAction } from './actions';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-3`}>
        {pending ? 'Joining…' : 'Accept and join'}
      </button>
    </form>
  );
}
