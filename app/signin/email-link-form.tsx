'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';
import { requestLinkAction } from './actions';

export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestLinkAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="link-email" label="Email me a sign-in link instead">
        <input id="link-email" name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} w-full`}>
        {pending ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}
