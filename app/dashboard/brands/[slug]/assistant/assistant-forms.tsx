'use client';

import { useActionState } from 'react';
import { FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { deleteFaqAction, saveFaqAction, savePolicyAction } from './actions';

// The page passes every label already in the reader's language: these forms need no dictionary of their own.
export interface LanguageColumn {
  locale: string;
  name: string;
}

export interface PolicyText {
  formLabel: string;
  fields: { name: 'shippingText' | 'deliveryTime' | 'returns'; label: string }[];
  save: string;
  saving: string;
}

function LanguageBlocks({ languages, children }: { languages: LanguageColumn[]; children: (l: LanguageColumn) => React.ReactNode }) {
  // One block per language, English open: on a phone the four stack, each folded until needed.
  return (
    <div className="space-y-2">
      {languages.map((l, i) => (
        <details key={l.locale} open={i === 0} className="rounded-lg border border-neutral-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold" lang={l.locale}>
            {l.name}
          </summary>
          <div className="mt-3 space-y-3">{children(l)}</div>
        </details>
      ))}
    </div>
  );
}

export function PolicyForm({
  slug,
  languages,
  values,
  text,
}: {
  slug: string;
  languages: LanguageColumn[];
  values: Record<string, string>;
  text: PolicyText;
}) {
  const [state, action, pending] = useActionState(savePolicyAction, null);
  return (
    <form action={action} className="max-w-2xl space-y-3" aria-label={text.formLabel}>
      <input type="hidden" name="slug" value={slug} />
      <LanguageBlocks languages={languages}>
        {(l) =>
          text.fields.map((f) => (
            <div key={f.name} className="space-y-1">
              <label htmlFor={`${f.name}-${l.locale}`} className="block text-sm font-medium">
                {f.label} · {l.name}
              </label>
              <textarea
                id={`${f.name}-${l.locale}`}
                name={`${f.name}.${l.locale}`}
                lang={l.locale}
                rows={2}
                defaultValue={values[`${f.name}.${l.locale}`] ?? ''}
                className={inputClass}
              />
            </div>
          ))
        }
      </LanguageBlocks>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? text.saving : text.save}
      </button>
    </form>
  );
}

export interface FaqText {
  formLabel: string;
  questions: string;
  questionsHint: string;
  answer: string;
  save: string;
  saving: string;
  remove: string;
}

export function FaqEntryForm({
  slug,
  id,
  languages,
  values,
  text,
}: {
  slug: string;
  id?: string;
  languages: LanguageColumn[];
  values: Record<string, string>;
  text: FaqText;
}) {
  const [state, action, pending] = useActionState(saveFaqAction, null);
  const [removed, remove, removing] = useActionState(deleteFaqAction, null);
  const key = id ?? 'new';
  return (
    <div className="space-y-2 rounded-xl border border-neutral-200 p-4">
      <form action={action} className="space-y-3" aria-label={text.formLabel}>
        <input type="hidden" name="slug" value={slug} />
        {id && <input type="hidden" name="id" value={id} />}
        <LanguageBlocks languages={languages}>
          {(l) => (
            <>
              <div className="space-y-1">
                <label htmlFor={`faq-${key}-q-${l.locale}`} className="block text-sm font-medium">
                  {text.questions} · {l.name}
                </label>
                <textarea
                  id={`faq-${key}-q-${l.locale}`}
                  name={`questions.${l.locale}`}
                  lang={l.locale}
                  rows={3}
                  defaultValue={values[`questions.${l.locale}`] ?? ''}
                  className={inputClass}
                  aria-describedby={`faq-${key}-q-${l.locale}-hint`}
                />
                <p id={`faq-${key}-q-${l.locale}-hint`} className="text-xs text-neutral-600">
                  {text.questionsHint}
                </p>
              </div>
              <div className="space-y-1">
                <label htmlFor={`faq-${key}-a-${l.locale}`} className="block text-sm font-medium">
                  {text.answer} · {l.name}
                </label>
                <textarea
                  id={`faq-${key}-a-${l.locale}`}
                  name={`answers.${l.locale}`}
                  lang={l.locale}
                  rows={3}
                  defaultValue={values[`answers.${l.locale}`] ?? ''}
                  className={inputClass}
                />
              </div>
            </>
          )}
        </LanguageBlocks>
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? text.saving : text.save}
        </button>
      </form>
      {id && (
        <form action={remove}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="id" value={id} />
          <FormMessage state={removed} />
          <button type="submit" disabled={removing} className={secondaryButtonClass}>
            {text.remove}
          </button>
        </form>
      )}
    </div>
  );
}
