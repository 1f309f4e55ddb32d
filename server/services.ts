import type { Db } from './domain/context';
import type { SessionAccount } from './domain/accounts';
import type { ShowServer } from './realtime/handler';
import type { Env } from './env';
import type { ObjectStore } from './storage/object-store';

/**
 * The process-wide services, registered by the custom server at boot. Next.js
 * bundles pages and route handlers separately from the server's own modules;
 * reaching the services through globalThis means one database pool, one
 * Socket.io server and one media layer per process, and keeps Prisma, argon2
 * and mediasoup out of Next's bundles.
 */
export interface AppServices {
  db: Db;
  io: ShowServer;
  env: Env;
  storage: ObjectStore;
  /** Password sign-in with its throttles; `ip` is the client's address (server/client-ip.ts). */
  verifyCredentials(email: string, password: string, ip: string | null): Promise<SessionAccount | null>;
}

const KEY = Symbol.for('live-commerce.services');
type WithServices = typeof globalThis & { [KEY]?: AppServices };

export function registerServices(services: AppServices | undefined): void {
  (globalThis as WithServices)[KEY] = services;
}

export function services(): AppServices {
  const registered = (globalThis as WithServices)[KEY];
  if (!registered) throw new Error('Services are not running: start the app with `npm start` (server/index.ts), not `next start`.');
  return registered;
}
