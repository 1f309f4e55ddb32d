import { errorText } from '@/app/_i18n/error-text';
import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { ErrorPayload } from '@/server/domain/errors';

// The order domain refuses in English (the API and tests read it); pages say
// the same thing in the reader's language. Known sentences get their own
// words, anything else the words for its code.
const SENTENCES: readonly [RegExp, MessageKey][] = [
  [/needs a carrier and a tracking number/, 'orders.refusals.needsTracking'],
  [/^This order is already /, 'orders.refusals.alreadyThere'],
  [/^This order is .+, so it cannot be marked/, 'orders.refusals.wrongStep'],
  [/^That is more than is left to refund/, 'orders.refusals.overRefund'],
  [/^Stock can be returned only with a refund/, 'orders.refusals.restockPartial'],
  [/^This order is cancelled\./, 'orders.refusals.cancelled'],
  [/^Nothing was paid for this order\./, 'orders.refusals.nothingPaid'],
  [/^The refund amount must be more than zero\./, 'orders.refusals.refundAmount'],
  [/can no longer be cancelled|can be cancelled only before it ships/, 'orders.refusals.tooLateToCancel'],
  [/^Select at most \d+ orders/, 'orders.refusals.tooMany'],
];

export function orderRefusal(t: Translate, error: ErrorPayload): string {
  for (const [pattern, key] of SENTENCES) if (pattern.test(error.message)) return t(key);
  if (error.code === 'NOT_FOUND') return t('orders.refusals.notFound');
  return errorText(t, error);
}
