import { ACCESS_MESSAGES } from '@/app/dashboard/_i18n/domain-messages';
import { translateMessage, type FieldFallbacks, type MessageRule } from '@/app/dashboard/_i18n/localise-state';
import type { Translate } from '@/app/_i18n/translate';

// The English sentences server/api/keys.ts, server/domain/webhooks(.schema).ts
// and the webhook sender (server/webhooks/deliver.ts, stored as a delivery's
// last error) produce, each with its dictionary key.

export const DEVELOPER_MESSAGES: readonly MessageRule[] = [...ACCESS_MESSAGES];

/** zod's own wording (an unknown scope or event) per field. */
export const DEVELOPER_FIELDS: FieldFallbacks = {
  name: 'commerce.developers.errors.keyNameRequired',
  scopes: 'commerce.developers.errors.scopesChoose',
  events: 'commerce.developers.errors.eventsChoose',
  url: 'commerce.developers.errors.urlFormat',
};

const DELIVERY_ERRORS: readonly MessageRule[] = [
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
  return translateMessage(t, DELIVERY_ERRORS, error) ?? error;
}
