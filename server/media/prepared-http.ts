import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppError } from '../domain/errors';

/**
 * `POST /api/media/prepared`: the show page's boot script (app/shows/[showId]/boot-watch.ts) sends the DTLS
 * fingerprints of its RTCPeerConnection's certificate here before the page's framework has loaded, and the
 * receive transport prepared with the page connects (server/media/prepared-watch.ts). Answered by
 * the custom server before Next, as /api/health is: it is on a new viewer's path to the first frame, and a
 * route handler took 30–660 ms for it under load (a probe of eight page loads). The token is the capability:
 * only the page the server rendered it into knows it, and it expires in seconds.
 */
export const PREPARED_PATH = '/api/media/prepared';

const token = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
// What RTCCertificate.getFingerprints() gives; a hash mediasoup does not take is dropped, none left is a 400.
const connectPreparedSchema = z
  .object({
    token,
    fingerprints: z
      .array(z.object({ algorithm: z.string().max(16), value: z.string().max(200) }).strict())
      .min(1)
      .max(4),
  })
  .strict();
export type PreparedAnswer = z.infer<typeof connectPreparedSchema>;

// Four SHA-512 fingerprints and the token take about 1,000 bytes in JSON.
const MAX_BODY_BYTES = 2_000;

export function isPreparedRequest(req: IncomingMessage): boolean {
  return req.url === PREPARED_PATH;
}

type Connect = (answer: PreparedAnswer) => Promise<void>;

export async function servePrepared(req: IncomingMessage, res: ServerResponse, connect: Connect, log: Logger): Promise<void> {
  const answer = (status: number, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    res.end();
  };
  if (req.method !== 'POST') return answer(405, { allow: 'POST' });
  const body = await readBody(req, MAX_BODY_BYTES);
  // The rest of an oversized body is not read: the connection closes once the answer is out.
  if (body === 'too-large') {
    res.once('finish', () => req.destroy());
    return answer(413, { connection: 'close' });
  }
  // The client went away mid-body (an aborted request): nobody to answer.
  if (body === null) return void res.destroy();
  const parsed = connectPreparedSchema.safeParse(parseJson(body));
  if (!parsed.success) return answer(400);
  try {
    await connect(parsed.data);
    answer(204);
  } catch (error) {
    const code = (error as Partial<AppError> | null)?.code;
    if (code === 'NOT_FOUND') return answer(404);
    if (code === 'INVALID_INPUT') return answer(400);
    log.error({ err: error }, 'connecting a prepared watch failed');
    answer(500);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The request's body as text; 'too-large' as soon as it passes `limit` bytes (reading stops there), null if the
 * request fails (a client that aborts mid-body must not become an unhandled rejection: this path is public).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large' | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve('too-large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
    req.on('aborted', () => resolve(null));
  });
}
