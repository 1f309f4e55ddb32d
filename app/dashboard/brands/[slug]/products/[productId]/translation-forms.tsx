'use client';

import { useActionState } from 'react';
import { FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { LOCALE_NAMES, type Locale } from '@/app/_i18n/locales';
import type { ActionState } from '@/app/_lib/action';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

/** One language's words of a product, folded away until opened. */
export function TranslationForm({
  action,
  locale,
  initial,
  variants,
}: {
  action: Action;
  locale: Locale;
  initial: { title: string; description: string; variants: Record<string, string> } | undefined;
  variants: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const language = LOCALE_NAMES[locale];
  const id = (name: string) => `translation-${locale}-${name}`;
  return (
    <details className="rounded-xl border border-neutral-200 p-4" open={initial !== undefined}>
      <summary className="cursor-pointer font-semibold" lang={locale}>
        {language}
      </summary>
      <form action={formAction} className="mt-3 space-y-3" lang={locale}>
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor={id('title')} className="block text-sm font-medium">
          {t('support.translations.title')}
        </label>
        <input id={id('title')} name="title" defaultValue={initial?.title ?? ''} className={inputClass} />
        <label htmlFor={id('description')} className="block text-sm font-medium">
          {t('support.translations.description')}
        </label>
        <textarea id={id('description')} name="description" rows={3} defaultValue={initial?.description ?? ''} className={inputClass} />
        {variants.map((v) => (
          <div key={v.id} className="space-y-1">
            <label htmlFor={id(v.id)} className="block text-sm font-medium">
              {t('support.translations.variant', { name: v.name })}
            </label>
            <input id={id(v.id)} name={`variant:${v.id}`} defaultValue={initial?.variants[v.id] ?? ''} className={inputClass} />
          </div>
        ))}
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {t('support.translations.save', { language })}
        </button>
      </form>
    </details>
  );
}
