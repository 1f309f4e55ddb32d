import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { ActionState } from '@/app/_lib/action';
import { ERROR_CATALOG } from '@/server/domain/errors';

/**
 * One English sentence the domain or a zod schema produces, and the dictionary
 * key that says it in the reader's language. A pattern's named groups fill the
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

/** A refusal in the reader's language: a known sentence, else the code's own sentence, else the domain's English. */
export function refusalText(
  t: Translate,
  rules: readonly MessageRule[],
  error: { code: keyof typeof ERROR_CATALOG; message: string },
): string {
  return (
    translateMessage(t, rules, error.message) ?? (error.message === ERROR_CATALOG[error.code].message ? errorText(t, error) : error.message)
  );
}

const fieldFamily = (field: string) => field.replace(/\.\d+(\.|$)/g, '$1');

/**
 * A failed ActionState in the reader's language. The domain keeps speaking
 * English (the API and tests read it); the server actions of these pages
 * translate here before the form shows anything.
 */
export function localiseWith(t: Translate, state: ActionState, { rules = [], fields = {}, summary }: Localisation = {}): ActionState {
  if (state.ok) return state;
  if (!state.fieldErrors) return { ...state, message: refusalText(t, rules, state) };
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
