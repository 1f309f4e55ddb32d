import type { MessageKey, Translate } from './translate';

/**
 * A refusal in the reader's language, by its stable code; the server's own
 * (English) message is the fallback for a code without a translation.
 */
export function errorText(t: Translate, error: { code: string; message?: string } | null | undefined): string {
  if (!error) return t('errors.INTERNAL');
  const key = `errors.${error.code}`;
  return t.has(key) ? t(key as MessageKey) : (error.message ?? t('errors.INTERNAL'));
}
