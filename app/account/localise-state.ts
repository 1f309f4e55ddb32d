import { errorText } from '@/app/_i18n/error-text';
import { isErrorKey } from '@/server/domain/errors';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { ActionState } from '@/app/_lib/action';

/**
 * One English sentence a zod schema produces for a form field, and the dictionary
 * key that says it in the reader's language (refusals of the domain are codes and
 * go through errorText). A pattern's named groups fill the
 * key's placeholders: /^The handle @(?<handle>.+) is taken\./.
 */
export interface MessageRule {
  english: string | RegExp;
  key: MessageKey;
}

export interface Localisation {
  rules?: readonly MessageRule[];
  /** Per field (row index left out: `links.url`): what to say when its message has no rule, e.g. zod's own defaults. */
  fields?: Partial<Record<string, MessageKey>>;
  /** The form-level sentence when fields failed; the generic "check the highlighted fields" otherwise. */
  summary?: MessageKey;
}

// Sentences several schemas share (server/domain/accounts/accounts.ts, brand-team.ts, account-profile.ts).
const SHARED_RULES: readonly MessageRule[] = [
  { english: /^Use at least (?<min>\d+) characters\.$/, key: 'account.form.minChars' },
  { english: /^Use at most (?<max>\d+) characters\.$/, key: 'account.form.maxChars' },
];

export function translateMessage(t: Translate, rules: readonly MessageRule[], message: string): string | null {
  // A schema that names an error key instead of a sentence (the way every schema should go).
  if (isErrorKey(message)) return t(`errors.${message}`);
  for (const rule of [...rules, ...SHARED_RULES]) {
    if (typeof rule.english === 'string') {
      if (rule.english === message) return t(rule.key);
      continue;
    }
    const match = rule.english.exec(message);
    if (match) return t(rule.key, match.groups ?? {});
  }
  return null;
}

const fieldFamily = (field: string) => field.replace(/\.\d+(\.|$)/g, '$1');

/**
 * A failed ActionState in the reader's language: a refusal by its code, reason
 * and params; a field by its schema's sentence or the field's own hint.
 */
export function localiseWith(t: Translate, state: ActionState, { rules = [], fields = {}, summary }: Localisation = {}): ActionState {
  if (state.ok) return state;
  if (!state.fieldErrors) return { ...state, message: errorText(t, state) };
  const fieldErrors = Object.fromEntries(
    Object.entries(state.fieldErrors).map(([field, message]) => {
      const fallback = fields[fieldFamily(field)];
      return [field, translateMessage(t, rules, message) ?? t(fallback ?? 'account.form.invalidField')];
    }),
  );
  return { ...state, message: t(summary ?? 'account.form.checkFields'), fieldErrors };
}

export async function localise(state: ActionState, localisation?: Localisation): Promise<ActionState> {
  const { t } = await getI18n();
  return localiseWith(t, state, localisation);
}
