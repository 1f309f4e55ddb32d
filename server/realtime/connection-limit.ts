import type { IncomingMessage } from 'node:http';
import { AppError, toErrorPayload } from '../domain/errors';
import type { ShowServer } from './handler';
import { clientAddress } from '../client-ip';

export interface ConnectionsPerIpOptions {
  max: number;
  /** Behind a reverse proxy every connection comes from the proxy; its X-Forwarded-For names the client. */
  trustProxy: boolean;
}

// The proxy appends the address it saw; earlier entries are whatever the client claimed.
const addressOf = (request: IncomingMessage, trustProxy: boolean): string => clientAddress(request, trustProxy) ?? 'unknown';

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
    const ip = addressOf(conn.request, trustProxy);
    open.set(ip, (open.get(ip) ?? 0) + 1);
    conn.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
  io.use((socket, next) => {
    const ip = addressOf(socket.request, trustProxy);
    if ((open.get(ip) ?? 0) <= max) return next();
    const payload = toErrorPayload(new AppError('TOO_MANY_CONNECTIONS', `${ip} holds more than ${max} connections`));
    next(Object.assign(new Error(payload.message), { data: payload }));
  });
}
