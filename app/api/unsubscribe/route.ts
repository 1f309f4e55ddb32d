import { AppError, toErrorPayload } from '@/server/domain/errors';
import { unsubscribe } from '@/server/domain/notifications';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click`
 * to the URL in the List-Unsubscribe header, with no cookies and no sign-in; the
 * signed token in the URL says who and what. There is deliberately no GET:
 * link scanners fetch URLs, and fetching must never change anything.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const { db, env } = services();
  try {
    const { purpose } = await unsubscribe(db, env.AUTH_SECRET, token, env.REMINDER_LEAD_MINUTES);
    return Response.json({ ok: true, purpose });
  } catch (error) {
    const payload = toErrorPayload(error);
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('one-click unsubscribe failed', error);
    return Response.json({ ok: false, error: payload }, { status });
  }
}
