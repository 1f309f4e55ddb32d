'use client';

import { useActionState } from 'react';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { updateEmbedOriginsAction } from './embed-actions';

/** Its words come translated from the server page: the dashboard's client bundle carries no embed messages. */
export function EmbedOriginsForm({
  slug,
  origins,
  text,
}: {
  slug: string;
  origins: readonly string[];
  text: { label: string; hint: string; save: string; saving: string; formLabel: string };
}) {
  const [state, action, pending] = useActionState(updateEmbedOriginsAction, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label={text.formLabel}>
      <input type="hidden" name="slug" value={slug} />
      <Field id="embed-origins" label={text.label} hint={text.hint}>
        <textarea
          id="embed-origins"
          name="origins"
          rows={4}
          defaultValue={origins.join('\n')}
          spellCheck={false}
          autoCapitalize="off"
          className={`${inputClass} font-mono text-sm`}
          aria-describedby="embed-origins-hint"
        />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? text.saving : text.save}
      </button>
    </form>
  );
}
