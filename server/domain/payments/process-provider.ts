import type { Env } from '../../env';
import type { PaymentProvider } from './provider';
import { TestPaymentProvider } from './test-provider';
import { httpWebhookSender } from './webhook-sender';
import { paymentWebhookSecret } from './webhook-signature';

export const PAYMENT_WEBHOOK_PATH = '/api/payments/webhook';

/**
 * The process's payment provider, made once by the composition root (server/app.ts) and handed to
 * the sockets and, through `services().payments`, to pages and route handlers (wallet tokenization,
 * refunds from order management). Its webhooks go to our own endpoint at PUBLIC_URL, signed with
 * the secret derived from AUTH_SECRET.
 */
export function createPaymentProvider(env: Pick<Env, 'AUTH_SECRET' | 'PUBLIC_URL'>): PaymentProvider {
  return new TestPaymentProvider({
    webhooks: httpWebhookSender({
      url: new URL(PAYMENT_WEBHOOK_PATH, env.PUBLIC_URL).toString(),
      secret: paymentWebhookSecret(env.AUTH_SECRET),
      onGiveUp: (event, why) => console.error('payment webhook not delivered', { eventId: event.id, type: event.type, why }),
    }),
  });
}
