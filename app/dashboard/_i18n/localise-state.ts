import type { ActionState } from '@/app/_lib/action';
import { errorText } from '@/app/_i18n/error-text';
import { isErrorKey } from '@/server/domain/errors';
import type { MessageKey, Translate } from '@/app/_i18n/translate';

/** Per form: the field (row index left out: `variants.sku`) → what to say when its message is zod's own wording, not a key. */
export type FieldFallbacks = Partial<Record<string, MessageKey>>;

const fieldFamily = (field: string) => field.replace(/\.\d+\./g, '.');

/**
 * A failed ActionState in the reader's language. A refusal of the domain is
 * translated by its code, reason and params (errorText); a field by the error
 * key its schema or action gave, with the params of that field, else by the
 * field's own hint, else by the generic "not valid".
 */
export function localiseState<S extends ActionState>(state: S, t: Translate, fields: FieldFallbacks = {}): S {
  if (state.ok) return state;
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(
        Object.entries(state.fieldErrors).map(([field, key]) => {
          if (isErrorKey(key)) return [field, errorText(t, { code: key, params: state.fieldParams?.[field] })];
          const fallback = fields[fieldFamily(field)];
          return [field, t(fallback ?? 'errors.INVALID_INPUT')];
        }),
      )
    : undefined;
  const message = fieldErrors ? t('dashboard.form.checkFields') : errorText(t, state);
  return { ...state, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
