import { z } from 'zod';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { qrConfigOf, receiveQpayCallback } from '@/server/domain/qr-payments';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

const callbackQuery = z.object({ ref: z.string().min(1).max(64) });

/**
 * QPay's call when an invoice is paid (the invoice's callback_url, ?ref=<our reference>). No session
 * and no signature (QPay sends none): the call only makes the app ask QPay's payment check now, and
 * QPay's answer to that decides (receiveQpayCallback). QPay calls with GET; POST is taken too.
 */
async function handle(request: Request): Promise<Response> {
  const { db, env } = services();
  try {
    const parsed = callbackQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'QPay callback without a reference');
    const answer = await receiveQpayCallback(db, qrConfigOf(env), parsed.data.ref);
    return Response.json({ ok: true, status: answer.status });
  } catch (error) {
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('QPay callback failed', error);
    return Response.json({ ok: false, error: toErrorPayload(error) }, { status });
  }
}

export const GET = handle;
export const POST = handle;
