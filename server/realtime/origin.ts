import type { IncomingMessage } from 'node:http';
import type { Env } from '../env';

// Cross-site WebSocket hijacking: a page on another site can open a socket to
// this server and the browser attaches the victim's session cookie, so a
// handshake is only accepted from our own pages. Browsers always send Origin
// on a WebSocket handshake and on cross-origin requests (the XHR polling
// transport), so a handshake without Origin is not a page in a browser: a
// script or server (tests, benchmarks, the brand's tools) holds no victim's
// cookie, and it may connect with whatever credentials it has itself.

/** The message a refused handshake answers with (Engine.IO: HTTP 403 on polling, 400 on the WebSocket upgrade). */
export const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** PUBLIC_URL's origin, ALLOWED_ORIGINS, and the loopback spellings of a local install. */
export function allowedOrigins(env: Pick<Env, 'PUBLIC_URL' | 'ALLOWED_ORIGINS' | 'NODE_ENV' | 'PORT'>): Set<string> {
  const publicUrl = new URL(env.PUBLIC_URL);
  const origins = new Set([publicUrl.origin, ...env.ALLOWED_ORIGINS]);
  const loopback = (protocol: string, port: string) => {
    for (const host of LOOPBACK) origins.add(new URL(`${protocol}//${host}${port ? `:${port}` : ''}`).origin);
  };
  // localhost, 127.0.0.1 and ::1 are one machine: a local install answers to each.
  if (LOOPBACK.includes(publicUrl.hostname)) loopback(publicUrl.protocol, publicUrl.port);
  if (env.NODE_ENV === 'development' && env.PORT) loopback('http:', String(env.PORT));
  return origins;
}

/** Whether a local install (or development) also answers to loopback origins on the port it really listens on (PORT=0 picks one). */
export function acceptsOwnLoopback(env: Pick<Env, 'PUBLIC_URL' | 'NODE_ENV'>): boolean {
  return env.NODE_ENV === 'development' || LOOPBACK.includes(new URL(env.PUBLIC_URL).hostname);
}

function isOwnLoopbackOrigin(origin: string, req: IncomingMessage): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.includes(url.hostname) && port === String(req.socket.localPort)
  );
}

/** Socket.io's allowRequest: refuses a handshake whose Origin is another site. */
export function originGuard(allowed: ReadonlySet<string>, { ownLoopback = false }: { ownLoopback?: boolean } = {}) {
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.has(origin) || (ownLoopback && isOwnLoopbackOrigin(origin, req))) return callback(null, true);
    callback(ORIGIN_NOT_ALLOWED, false);
  };
}
