import type { FieldFallbacks } from '@/app/dashboard/_i18n/localise-state';
import type { MessageKey, Translate } from '@/app/_i18n/translate';

/** zod's own wording (an unknown scope or event) per field. */
export const DEVELOPER_FIELDS: FieldFallbacks = {
  name: 'commerce.developers.errors.keyNameRequired',
  scopes: 'commerce.developers.errors.scopesChoose',
  events: 'commerce.developers.errors.eventsChoose',
  url: 'commerce.developers.errors.urlFormat',
};

// The webhook sender (server/webhooks/deliver.ts) still stores a delivery's last
// error as English text; until it stores a code, these are its sentences.
const DELIVERY_ERRORS: readonly { english: string | RegExp; key: MessageKey }[] = [
  { english: 'The endpoint was paused before this delivery was sent.', key: 'commerce.developers.webhooks.lastError.pausedBeforeSend' },
  {
    english: 'The endpoint resolves to a private address, which webhooks may not be sent to.',
    key: 'commerce.developers.webhooks.lastError.privateAddress',
  },
  { english: /^No response within (?<seconds>\d+) s\.$/, key: 'commerce.developers.webhooks.lastError.timeout' },
  { english: /^Connection failed \((?<code>[A-Z0-9_]+)\)\.$/, key: 'commerce.developers.webhooks.lastError.connection' },
  { english: 'Connection failed.', key: 'commerce.developers.webhooks.lastError.connectionGeneric' },
];

/**
 * A delivery's last error in the reader's language. "HTTP 500 Internal Server
 * Error" is the status's standard name (never the receiver's body), so it stays
 * as it was recorded, like anything else not listed here.
 */
export function deliveryErrorText(t: Translate, error: string): string {
  for (const rule of DELIVERY_ERRORS) {
    if (typeof rule.english === 'string') {
      if (rule.english === error) return t(rule.key);
      continue;
    }
    const match = rule.english.exec(error);
    if (match) return t(rule.key, match.groups ?? {});
  }
  return error;
}
