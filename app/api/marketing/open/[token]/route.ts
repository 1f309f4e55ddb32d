import { recordOpen } from '@/server/domain/campaigns';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

// The smallest transparent GIF: the open pixel answers the same whatever the token, so it tells nobody anything.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db, env } = services();
  await recordOpen(db, env.AUTH_SECRET, token).catch((error: unknown) => console.error('recording a campaign open failed', error));
  return new Response(new Uint8Array(PIXEL), {
    headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, private', 'Content-Length': String(PIXEL.length) },
  });
}
