import { errorText } from '@/app/_i18n/error-text';
import { isErrorKey } from '@/server/domain/errors';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { ActionState } from '@/app/_lib/action';

export interface Localisation {
  /** Per field (row index left out: `links.url`): what to say when its message is zod's own wording, not a key. */
  fields?: Partial<Record<string, MessageKey>>;
  /** The form-level sentence when fields failed; the generic "check the highlighted fields" otherwise. */
  summary?: MessageKey;
}

const fieldFamily = (field: string) => field.replace(/\.\d+(\.|$)/g, '$1');

/**
 * A failed ActionState in the reader's language: a refusal by its code, reason
 * and params; a field by the error key its schema gave, with that field's
 * params, or the field's own hint.
 */
export function localiseWith(t: Translate, state: ActionState, { fields = {}, summary }: Localisation = {}): ActionState {
  if (state.ok) return state;
  if (!state.fieldErrors) return { ...state, message: errorText(t, state) };
  const fieldErrors = Object.fromEntries(
    Object.entries(state.fieldErrors).map(([field, key]) => {
      if (isErrorKey(key)) return [field, errorText(t, { code: key, params: state.fieldParams?.[field] })];
      return [field, t(fields[fieldFamily(field)] ?? 'account.form.invalidField')];
    }),
  );
  return { ...state, message: t(summary ?? 'account.form.checkFields'), fieldErrors };
}

export async function localise(state: ActionState, localisation?: Localisation): Promise<ActionState> {
  const { t } = await getI18n();
  return localiseWith(t, state, localisation);
}
