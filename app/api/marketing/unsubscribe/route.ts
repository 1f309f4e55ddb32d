import { AppError, toErrorPayload } from '@/server/domain/errors';
import { unsubscribeFromMarketing } from '@/server/domain/campaigns';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/**
 * RFC 8058 one-click unsubscribe from marketing email (campaigns, abandoned-bag follow-ups, replay-ready):
 * the mail client POSTs `List-Unsubscribe=One-Click` with no cookies; the signed token says who (and which
 * campaign, for its results). No GET: link scanners fetch URLs, and fetching must never change anything.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const { db, env } = services();
  try {
    await unsubscribeFromMarketing(db, env.AUTH_SECRET, token);
    return Response.json({ ok: true });
  } catch (error) {
    const payload = toErrorPayload(error);
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('marketing one-click unsubscribe failed', error);
    return Response.json({ ok: false, error: payload }, { status });
  }
}
