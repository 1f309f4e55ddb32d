import type { IncomingMessage } from 'node:http';
import { AppError, toErrorPayload } from '../domain/errors';
import type { ShowServer } from './handler';

export interface ConnectionsPerIpOptions {
  max: number;
  /** Behind a reverse proxy every connection comes from the proxy; its X-Forwarded-For names the client. */
  trustProxy: boolean;
}

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
    // The proxy appends the address it saw; earlier entries are whatever the client claimed.
    if (last) return last;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * Caps the concurrent connections one address holds. Engine.io connections are
 * counted as they open and close (whether or not they complete the Socket.io
 * handshake), and the handshake of one over the cap is refused with
 * TOO_MANY_CONNECTIONS in `connect_error`'s `data`. A session resumed by
 * connection state recovery skips middlewares, but its connection is counted.
 */
export function limitConnectionsPerIp(io: ShowServer, { max, trustProxy }: ConnectionsPerIpOptions): void {
  const open = new Map<string, number>();
  io.engine.on('connection', (conn: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => {
    const ip = clientAddress(conn.request, trustProxy);
    open.set(ip, (open.get(ip) ?? 0) + 1);
    conn.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
  io.use((socket, next) => {
    const ip = clientAddress(socket.request, trustProxy);
    if ((open.get(ip) ?? 0) <= max) return next();
    const payload = toErrorPayload(new AppError('TOO_MANY_CONNECTIONS', `${ip} holds more than ${max} connections`));
    next(Object.assign(new Error(payload.message), { data: payload }));
  });
}
