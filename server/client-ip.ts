import type { IncomingMessage } from 'node:http';

/**
 * Set by the custom server, never by a client: the address throttles count
 * against. Behind a reverse proxy (TRUST_PROXY=true) it is the last
 * X-Forwarded-For entry, the one the proxy itself appended; entries before it
 * come from the client and could be anything.
 */
export const CLIENT_IP_HEADER = 'x-live-commerce-client-ip';

/** The client's address: the socket's peer, or behind a trusted proxy the last X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  const last = trustProxy ? (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim() : undefined;
  return last || req.socket.remoteAddress;
}

export function markClientIp(req: IncomingMessage, trustProxy: boolean): void {
  delete req.headers[CLIENT_IP_HEADER];
  const ip = clientAddress(req, trustProxy);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}

/** The address recorded by markClientIp, from a request's headers (a Headers object or Node's record). */
export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  return (Array.isArray(value) ? value[0] : value) || null;
}
