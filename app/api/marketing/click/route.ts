import { AppError } from '@/server/domain/errors';
import { recordClick } from '@/server/domain/campaigns';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/** A tracked link in a campaign email: counts the click, then redirects to the signed destination (never to any other). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const { db, env } = services();
  try {
    const url = await recordClick(db, env.AUTH_SECRET, {
      messageId: query.get('m') ?? '',
      url: query.get('u') ?? '',
      signature: query.get('s') ?? '',
    });
    return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
