import type { Db } from './domain/context';
import type { SessionAccount } from './domain/accounts';
import type { PaymentProvider } from './domain/payments';
import type { ShowServer } from './realtime/handler';
import type { Env } from './env';
import type { Logger } from './log';
import { processValue, setProcessValue } from './process-registry';
import type { ObjectStore } from './storage/object-store';
import type { WatchHints } from './media/media-service';
import type { PreparedBoot } from './media/prepared-watch';

/**
 * The process-wide services, built once by the composition root (server/app.ts
 * `startApp`) and handed down: the realtime server and the job runner get them as
 * arguments; pages and route handlers, which Next.js bundles separately from the
 * server's own modules, reach them through `services()`. That means one database
 * pool, one payment provider, one Socket.io server and one media layer per process,
 * and keeps Prisma, argon2 and mediasoup out of Next's bundles.
 */
export interface AppServices {
  db: Db;
  io: ShowServer;
  env: Env;
  log: Logger;
  storage: ObjectStore;
  /** The process's payment provider (wallet tokenization, refunds, cancellations). */
  payments: PaymentProvider;
  /** Password sign-in with its throttles; `ip` is the client's address (server/client-ip.ts). */
  verifyCredentials(email: string, password: string, ip: string | null): Promise<SessionAccount | null>;
  /** A live show's router capabilities and producers, rendered into the viewer page so its media starts before the join. */
  watchHints?(showId: string): WatchHints | null;
  /**
   * The receive side of a live show prepared while its page renders (server/media/prepared-watch.ts), for a
   * visitor the page already let watch; null when there is nothing to send yet or a limit is reached.
   */
  prepareWatch?(showId: string, visitor: { ip: string; userId: string | null }): Promise<PreparedBoot | null>;
  /** WebRTC viewers on this node now: past WEBRTC_MAX_VIEWERS a viewer page plays the HLS backup stream. */
  webRtcViewerCount?(): number;
}

const SERVICES = 'services';

export function registerServices(services: AppServices | undefined): void {
  setProcessValue(SERVICES, services);
}

export function services(): AppServices {
  const registered = processValue<AppServices>(SERVICES);
  if (!registered) throw new Error('Services are not running: start the app with `npm start` (server/index.ts), not `next start`.');
  return registered;
}
