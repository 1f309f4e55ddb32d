import type { MessageKey, Translate, Vars } from './translate';

/** A refusal as every transport carries it (server/domain/errors.ts ErrorPayload): a stable code, maybe a finer reason, and params. */
export interface Refusal {
  code: string;
  reason?: string;
  params?: Readonly<Vars>;
}

/**
 * The one translator of refusals: the sentence of `reason`, else of `code`, in
 * the reader's language with the params filled in. The English `message` a
 * refusal also carries is for API clients and logs and is never read here.
 */
export function errorText(t: Translate, error: Refusal | null | undefined): string {
  if (!error) return t('errors.INTERNAL');
  for (const key of [error.reason, error.code]) {
    if (!key) continue;
    const path = `errors.${key}`;
    if (t.has(path)) return t(path as MessageKey, { ...error.params });
  }
  return t('errors.INTERNAL');
}
