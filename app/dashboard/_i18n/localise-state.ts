import type { ActionState } from '@/app/_lib/action';
import { errorText } from '@/app/_i18n/error-text';
import type { MessageKey, Translate } from '@/app/_i18n/translate';
import { ERROR_CATALOG } from '@/server/domain/errors';

/**
 * One English sentence the domain (or a form schema) produces, and the
 * dictionary key that says it in the reader's language. A pattern's named
 * groups fill the key's placeholders: /^No host has the handle @(?<handle>.+)\.$/.
 */
export interface MessageRule {
  english: string | RegExp;
  key: MessageKey;
}

/** Per form: the field (row index left out: `variants.sku`) → what to say when its message has no rule. */
export type FieldFallbacks = Partial<Record<string, MessageKey>>;

export function translateMessage(t: Translate, rules: readonly MessageRule[], message: string): string | null {
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
 * A failed ActionState in the reader's language. The domain keeps speaking
 * English (the API and tests read it); this is the only place forms translate
 * it. A sentence without a rule falls back to the field's own hint, then to
 * the code's generic sentence when the domain gave none, then to the English.
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
  const message = fieldErrors
    ? t('dashboard.form.checkFields')
    : (translateMessage(t, rules, state.message) ??
      (state.message === ERROR_CATALOG[state.code].message ? errorText(t, state) : state.message));
  return { ...state, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
