import type { IncomingMessage } from 'node:http';

/**
 * Set by the custom server, never by a client: "this request came from this
 * machine". The local mailbox (sign-in links included) is shown only to such
 * requests, so a laptop serving on its LAN address does not hand out mail.
 */
export const LOCAL_REQUEST_HEADER = 'x-live-commerce-local-request';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// A reverse proxy on the same host connects from loopback on behalf of anyone;
// the headers it adds say the request is not the machine's own.
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function markLocalRequest(req: IncomingMessage): void {
  delete req.headers[LOCAL_REQUEST_HEADER];
  const proxied = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
  if (!proxied && LOOPBACK.has(req.socket.remoteAddress ?? '')) req.headers[LOCAL_REQUEST_HEADER] = '1';
}
