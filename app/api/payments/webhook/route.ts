import { AppError, toErrorPayload } from '@/server/domain/errors';
import { receivePaymentWebhook } from '@/server/domain/payments';
import { PAYMENT_SIGNATURE_HEADER, paymentWebhookSecret } from '@/server/domain/payments';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/**
 * The payment provider's webhooks. No session: the signature over the raw body
 * (checked before anything is parsed) is the authentication. 2xx means "handled,
 * do not send again" (also for a replayed event id); 409 means "retry later".
 */
export async function POST(request: Request) {
  const { db, env, payments } = services();
  const body = await request.text();
  try {
    const receipt = await receivePaymentWebhook(
      db,
      { secret: paymentWebhookSecret(env.AUTH_SECRET), provider: payments.name },
      { signature: request.headers.get(PAYMENT_SIGNATURE_HEADER), body },
    );
    return Response.json({ ok: true, duplicate: receipt.duplicate });
  } catch (error) {
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('payment webhook failed', error);
    return Response.json({ ok: false, error: toErrorPayload(error) }, { status });
  }
}
