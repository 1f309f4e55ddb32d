import type { Db } from '../context';
import { AppError } from '../errors';
import { completeStripePayment, type CompletionOutcome } from './payment-completion';
import { STRIPE_PROVIDER_NAME } from './card-token';
import type { Stripe } from './stripe-client';
import type { StripePaymentProvider } from './stripe-provider';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';

/** The path Stripe is told to send one brand account's events to (Stripe dashboard → Webhooks). */
export const stripeWebhookPath = (providerId: string) => `/api/payments/stripe/${providerId}/webhook`;

export interface StripeWebhookReceipt {
  duplicate: boolean;
  type: string;
  outcome?: CompletionOutcome;
}

/**
 * One event from a brand's Stripe account. The signature (stripe.webhooks.constructEvent with the
 * account's signing secret, over the raw body) is the authentication. An event id seen before is
 * answered as a duplicate and does nothing; it is recorded only after it was handled, so an event
 * whose handling failed is handled again when Stripe retries it.
 */
export async function receiveStripeWebhook(
  db: Db,
  provider: StripePaymentProvider,
  webhookSecret: string,
  request: { body: string; signature: string | null },
): Promise<StripeWebhookReceipt> {
  let event: Stripe.Event;
  try {
    event = provider.stripe.webhooks.constructEvent(request.body, request.signature ?? '', webhookSecret);
  } catch {
    throw new AppError('WEBHOOK_SIGNATURE_INVALID', `Stripe event for provider ${provider.providerId} with a bad signature`);
  }
  const seen = await db.paymentWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return { duplicate: true, type: event.type };
  let outcome: CompletionOutcome | undefined;
  switch (event.type) {
    // The buyer passed (or failed) 3-D Secure: requires_capture, or back to requires_payment_method.
    case 'payment_intent.amount_capturable_updated':
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      outcome = await completeStripePayment(db, provider, event.data.object.id);
      break;
    default:
      // Refunds and captures are ours: our rows already hold them (they are the truth about money).
      break;
  }
  await db.paymentWebhookEvent.createMany({
    data: [
      {
        id: event.id,
        provider: STRIPE_PROVIDER_NAME,
        type: event.type,
        payload: { object: 'id' in event.data.object ? String(event.data.object.id) : null },
      },
    ],
    skipDuplicates: true,
  });
  return { duplicate: false, type: event.type, ...(outcome ? { outcome } : {}) };
}
