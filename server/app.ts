import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { verifyCredentials } from './domain/accounts';
import { processPaymentProvider } from './domain/payments/process-provider';
import { createPrismaClient } from './db/client';
import { startEmbeddedPostgres } from './db/embedded';
import { applyMigrations } from './db/migrate';
import { seedDemoData } from './db/seed';
import type { Env } from './env';
import type { Logger } from './log';
import { MediaService } from './media/media-service';
import { createRealtimeServer } from './realtime';
import { acceptsOwnLoopback, allowedOrigins } from './realtime/origin';
import { registerServices } from './services';
import { markLocalRequest } from './local-request';
import { applySecurityHeaders, headerPolicyFromEnv } from './security-headers';
import { markClientIp } from './client-ip';
import { pruneThrottles, throttleLimits } from './domain/throttle';
import { startJobRunner } from './jobs/runner';
import { createObjectStore } from './storage/object-store';
import { configureImageSources, imageSourcesFromEnv } from './domain/image-sources';
import type { Db } from './domain/context';

export interface AppOptions {
  env: Env;
  log: Logger;
  /** Serve the Next.js pages too; integration tests of the socket API leave it off. */
  withNext?: boolean;
  dev?: boolean;
}

export interface RunningApp {
  url: string;
  port: number;
  db: Db;
  httpServer: HttpServer;
  close(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * The composition root: database (embedded unless DATABASE_URL is set),
 * migrations, demo data, mediasoup workers, Socket.io and Next.js on one port.
 */
export async function startApp({ env, log, withNext = true, dev = false }: AppOptions): Promise<RunningApp> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(env.DATA_DIR, 'postgres'),
        port: env.EMBEDDED_PG_PORT,
        log: (m) => log.debug({ component: 'embedded-postgres' }, m),
      });
      cleanups.push(() => pg.stop());
      databaseUrl = pg.url;
    }
    const migrations = await applyMigrations(databaseUrl, { log: (m) => log.info({ component: 'migrate' }, m) });
    if (migrations.applied.length) log.info({ applied: migrations.applied }, 'migrations applied');

    const db = createPrismaClient(databaseUrl, { poolSize: env.DATABASE_POOL_SIZE });
    cleanups.push(() => db.$disconnect());
    if (env.SEED_DEMO_DATA === 'true') await seedDemoData(db);

    const media = await MediaService.create(
      {
        workers: env.MEDIA_WORKERS,
        listenIp: env.MEDIA_LISTEN_IP,
        announcedIp: env.MEDIA_ANNOUNCED_IP,
        rtcMinPort: env.RTC_MIN_PORT,
        rtcMaxPort: env.RTC_MAX_PORT,
        webRtcPort: env.WEBRTC_PORT,
        transportConnectTimeoutMs: env.MEDIA_TRANSPORT_CONNECT_TIMEOUT_MS,
      },
      log,
    );
    cleanups.push(() => media.close());

    const httpServer = createServer();
    const limits = throttleLimits(env.THROTTLE_LIMITS);
    const realtime = createRealtimeServer(
      httpServer,
      {
        db,
        payments: processPaymentProvider(env),
        media,
        log: log.child({ component: 'realtime' }),
        authSecret: env.AUTH_SECRET,
        connectionsPerIp: { max: env.SOCKET_MAX_CONNECTIONS_PER_IP, trustProxy: env.TRUST_PROXY === 'true' },
      },
      { allowedOrigins: allowedOrigins(env), ownLoopback: acceptsOwnLoopback(env) },
    );
    cleanups.push(() => realtime.close());
    configureImageSources(imageSourcesFromEnv(env));
    cleanups.push(() => configureImageSources(undefined));
    registerServices({ db, io: realtime.io, env, storage: createObjectStore(env), verifyCredentials: (email, password, ip) => verifyCredentials(db, email, password, { ip, limits }) });
    cleanups.push(() => registerServices(undefined));
    const jobs = startJobRunner({ db, env, log: log.child({ component: 'jobs' }) });
    cleanups.push(() => jobs.stop());
    // Throttle windows that ended days ago are only clutter.
    const pruning = setInterval(() => void pruneThrottles(db).catch((error: unknown) => log.warn({ err: error }, 'pruning throttle counters failed')), 60 * 60 * 1000);
    pruning.unref();
    cleanups.push(() => clearInterval(pruning));

    if (withNext) {
      // next-auth reads its configuration from process.env itself.
      process.env.NEXTAUTH_SECRET = env.AUTH_SECRET;
      process.env.NEXTAUTH_URL ??= env.PUBLIC_URL;
      const { default: next } = await import('next');
      const nextApp = next({ dev, dir: projectRoot, hostname: env.HOST ?? 'localhost', port: env.PORT });
      await nextApp.prepare();
      cleanups.push(() => nextApp.close());
      const handle = nextApp.getRequestHandler();
      const headerPolicy = headerPolicyFromEnv(env, { dev });
      const upgrade = nextApp.getUpgradeHandler();
      httpServer.on('request', (req, res) => {
        // Socket.io answers its own path; everything else is a page or route handler.
        if (req.url?.startsWith('/socket.io/')) return;
        markLocalRequest(req);
        applySecurityHeaders(headerPolicy, req, res);
        markClientIp(req, env.TRUST_PROXY === 'true');
        handle(req, res).catch((error: unknown) => {
          log.error({ err: error, url: req.url }, 'request failed');
          if (!res.headersSent) res.writeHead(500).end('Internal Server Error');
        });
      });
      httpServer.on('upgrade', (req, socket, head) => {
        if (!req.url?.startsWith('/socket.io/')) void upgrade(req, socket, head);
      });
    }

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(env.PORT, env.HOST, () => resolve());
    });
    cleanups.push(() => new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    }));
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    log.info({ url, database: env.DATABASE_URL ? 'external' : 'embedded', mediaWorkers: media.workerCount }, 'live commerce is up');
    if (env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true') log.warn('WEBHOOKS_ALLOW_PRIVATE_TARGETS=true: webhooks may reach this machine and its private network; leave it off in production');
    return { url, port, db, httpServer, close };
  } catch (error) {
    await close();
    throw error;
  }
}
