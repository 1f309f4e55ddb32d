import type { FieldFallbacks } from '@/app/dashboard/_i18n/localise-state';
import { errorText, type Refusal } from '@/app/_i18n/error-text';
import type { Translate } from '@/app/_i18n/translate';

/** zod's own wording (an unknown scope or event) per field. */
export const DEVELOPER_FIELDS: FieldFallbacks = {
  name: 'commerce.developers.errors.keyNameRequired',
  scopes: 'commerce.developers.errors.scopesChoose',
  events: 'commerce.developers.errors.eventsChoose',
  url: 'commerce.developers.errors.urlFormat',
};

/**
 * A delivery's last error in the reader's language. The sender stores it as a
 * refusal, `{ code, reason, params }` as JSON (server/webhooks/deliver.ts
 * storedError); anything else (a row written before it did) is shown as it was stored.
 */
export function deliveryErrorText(t: Translate, stored: string): string {
  const refusal = readRefusal(stored);
  return refusal ? errorText(t, refusal) : stored;
}

function readRefusal(stored: string): Refusal | null {
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return null;
    const { code, reason, params } = value as Record<string, unknown>;
    if (typeof code !== 'string') return null;
    return {
      code,
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(typeof params === 'object' && params !== null ? { params: params as Refusal['params'] } : {}),
    };
  } catch {
    return null;
  }
}
