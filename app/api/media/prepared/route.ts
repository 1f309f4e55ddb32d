import { z } from 'zod';
import type { AppError } from '@/server/domain/errors';
import { services } from '@/server/services';

// The boot script of a show page (app/shows/[showId]/boot-watch.ts) sends the DTLS fingerprint of its
// RTCPeerConnection here, before the page's framework has loaded: the receive transport prepared with
// the page connects and its consumers start sending. The token is the capability: only the page the
// server rendered it into knows it, and it expires in seconds (server/media/prepared-watch.ts).
const connectPreparedSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    fingerprints: z
      .array(z.object({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: z.string().max(200) }))
      .min(1)
      .max(4),
  })
  .strict();

const answer = (status: number) => new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const parsed = connectPreparedSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer(400);
  try {
    await services().connectPreparedWatch?.(parsed.data.token, parsed.data.fingerprints);
    return answer(204);
  } catch (error) {
    // Not `instanceof AppError`: the error comes from the server's own modules, not from Next's bundle of them.
    if ((error as Partial<AppError> | null)?.code === 'NOT_FOUND') return answer(404);
    throw error;
  }
}
