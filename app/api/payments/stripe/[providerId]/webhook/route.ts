import { brandPaymentRouter } from '@/server/domain/brand-payments';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { receiveStripeWebhook, STRIPE_SIGNATURE_HEADER } from '@/server/domain/stripe-payments';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/**
 * One brand's Stripe account's events (the URL its settings page shows). No session: the
 * Stripe-Signature over the raw body, checked with that account's signing secret before anything
 * is parsed, is the authentication. 2xx tells Stripe to stop sending (also for a replayed event);
 * anything else makes Stripe retry with backoff for up to three days.
 */
export async function POST(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const { db, payments } = services();
  const body = await request.text();
  try {
    const stripe = await brandPaymentRouter(payments)?.stripeById(providerId);
    if (!stripe) throw new AppError('NOT_FOUND', `no Stripe provider ${providerId}`);
    const receipt = await receiveStripeWebhook(db, stripe.provider, stripe.credentials.webhookSecret, {
      body,
      signature: request.headers.get(STRIPE_SIGNATURE_HEADER),
    });
    return Response.json({ ok: true, duplicate: receipt.duplicate });
  } catch (error) {
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('Stripe webhook failed', error);
    return Response.json({ ok: false, error: toErrorPayload(error) }, { status });
  }
}
