import type { PaymentWebhookEvent } from './webhook-events';
import { PAYMENT_SIGNATURE_HEADER, signPaymentWebhook } from './webhook-signature';
import type { PaymentWebhookSink } from './test-provider';

// Like a real provider: deliver in the background, retry with backoff on any
// answer that is not 2xx (our endpoint answers 409 to a refund it has not
// recorded yet, so the refund call's own transaction commits first).
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
const REQUEST_TIMEOUT_MS = 10_000;

export function httpWebhookSender(options: {
  url: string;
  secret: string;
  onGiveUp?: (event: PaymentWebhookEvent, why: string) => void;
}): PaymentWebhookSink {
  return (event) => {
    const body = JSON.stringify(event);
    const attempt = async (index: number): Promise<void> => {
      let why: string;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [PAYMENT_SIGNATURE_HEADER]: signPaymentWebhook(options.secret, body) },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.ok) return;
        why = `HTTP ${response.status}`;
      } catch (error) {
        why = error instanceof Error ? error.message : String(error);
      }
      const delay = RETRY_DELAYS_MS[index];
      if (delay === undefined) {
        options.onGiveUp?.(event, why);
        return;
      }
      setTimeout(() => void attempt(index + 1), delay).unref();
    };
    void attempt(0);
  };
}
