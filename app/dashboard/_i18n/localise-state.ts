import type { ActionState } from '@/app/_lib/action';
import { errorText } from '@/app/_i18n/error-text';
import { isErrorKey } from '@/server/domain/errors';
import type { MessageKey, Translate } from '@/app/_i18n/translate';

/**
 * One English sentence a form schema produces for a field, and the
 * dictionary key that says it in the reader's language. A pattern's named
 * groups fill the key's placeholders: /^Use at most (?<max>\d+) characters\.$/.
 */
export interface MessageRule {
  english: string | RegExp;
  key: MessageKey;
}

/** Per form: the field (row index left out: `variants.sku`) → what to say when its message has no rule. */
export type FieldFallbacks = Partial<Record<string, MessageKey>>;

export function translateMessage(t: Translate, rules: readonly MessageRule[], message: string): string | null {
  // A schema that names an error key instead of a sentence (the way every schema should go).
  if (isErrorKey(message)) return t(`errors.${message}`);
  for (const rule of rules) {
    if (typeof rule.english === 'string') {
      if (rule.english === message) return t(rule.key);
      continue;
    }
    const match = rule.english.exec(message);
    if (match) return t(rule.key, match.groups ?? {});
  }
  return null;
}

const fieldFamily = (field: string) => field.replace(/\.\d+\./g, '.');

/**
 * A failed ActionState in the reader's language. A refusal of the domain is
 * translated by its code, reason and params (errorText); a field's zod sentence
 * by its rule, else the field's own hint, else as the schema wrote it.
 */
export function localiseState<S extends ActionState>(
  state: S,
  t: Translate,
  rules: readonly MessageRule[],
  fields: FieldFallbacks = {},
): S {
  if (state.ok) return state;
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(
        Object.entries(state.fieldErrors).map(([field, message]) => {
          const fallback = fields[fieldFamily(field)];
          return [field, translateMessage(t, rules, message) ?? (fallback ? t(fallback) : message)];
        }),
      )
    : undefined;
  const message = fieldErrors ? t('dashboard.form.checkFields') : errorText(t, state);
  return { ...state, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
