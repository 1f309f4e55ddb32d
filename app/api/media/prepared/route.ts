import { z } from 'zod';
import type { AppError } from '@/server/domain/errors';
import { services } from '@/server/services';

// The boot script of a show page (app/shows/[showId]/boot-watch.ts) sends the answer of its RTCPeerConnection
// here, before the page's framework has loaded: the server reads its DTLS fingerprint
// (server/media/prepared-watch.ts, answerFingerprints), the receive transport prepared with the page connects
// and its consumers start sending. The token is the capability: only the page the server rendered it into knows
// it, and it expires in seconds.
const connectPreparedSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    sdp: z.string().max(20_000),
  })
  .strict();

const answer = (status: number) => new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const parsed = connectPreparedSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer(400);
  try {
    await services().connectPreparedWatch?.(parsed.data.token, parsed.data.sdp);
    return answer(204);
  } catch (error) {
    // By code, not `instanceof AppError`: the error comes from the server's own modules, not from Next's bundle of them.
    const code = (error as Partial<AppError> | null)?.code;
    if (code === 'NOT_FOUND') return answer(404);
    if (code === 'INVALID_INPUT') return answer(400);
    throw error;
  }
}
