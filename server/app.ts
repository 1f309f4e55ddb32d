import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { phrasingFrom, prepareAssistant } from './domain/assistant';
import { qrConfigOf } from './domain/qr-payments';
import { verifyCredentials } from './domain/accounts';
import { createPaymentProvider, type PaymentProvider } from './domain/payments';
import { BrandPaymentRouter } from './domain/brand-payments';
import { accountDeletedJob } from './domain/privacy';
import { stripePayoutJob, stripePayoutReversalJob } from './domain/connect-payouts';
import type { StripeApiEndpoint } from './domain/stripe-payments';
import { createPrismaClient } from './db/client';
import { startEmbeddedPostgres } from './db/embedded';
import { applyMigrations } from './db/migrate';
import { startDatabaseMonitor, type DatabaseMonitor } from './db/health';
import { DemoSeedConflictError, seedDemoData } from './db/seed';
import { warmReceiptFormats } from './domain/orders';
import { isDeployment, mediaPipeAddresses, type Env } from './env';
import { isHealthRequest, serveHealth } from './health';
import { deferFrameworkOf, isShowPageRequest } from './media/deferred-framework';
import { isPreparedRequest, servePrepared } from './media/prepared-http';
import type { Logger } from './log';
import { MediaService } from './media/media-service';
import { preparedFingerprints } from './media/prepared-watch';
import { SimulcastService } from './media/rtmp-out';
import { pushTargets, secretsKey } from './domain/simulcast';
import { RecordingService } from './media/recording/recording-service';
import { recordingLedger } from './domain/recordings';
import { MediaCluster } from './media/cluster/media-cluster';
import { isPipeRequest } from './media/cluster/pipe-origin';
import { connectCluster, createRealtimeServer } from './realtime';
import { acceptsOwnLoopback, allowedOrigins } from './realtime/origin';
import { registerServices } from './services';
import { markLocalRequest } from './local-request';
import { embedFrameAncestors } from './embed-frame';
import { applySecurityHeaders, embedShowIdOf, headerPolicyFromEnv } from './security-headers';
import { stripeShowPages } from './stripe-show';
import { markClientIp } from './client-ip';
import { pruneThrottles, throttleLimits } from './domain/throttle';
import { startJobRunner } from './jobs/runner';
import { auctionSweep } from './effects/auction-sweep';
import {
  abandonedBagSweep,
  deletedBuyerOrdersSweep,
  jobHandlers,
  qrPaymentSweep,
  reminderSweep,
  reservationSweep,
  showAuditSweep,
  waitlistSweep,
} from './effects/job-handlers';
import { createObjectStore } from './storage/object-store';
import { configureImageSources, imageSourcesFromEnv } from './domain/image-sources';
import { pushOffNotice } from './domain/push';
import type { Db } from './domain/context';

export interface AppOptions {
  env: Env;
  log: Logger;
  /** Serve the Next.js pages too; integration tests of the socket API leave it off. */
  withNext?: boolean;
  dev?: boolean;
  /**
   * The app cannot go on (its embedded database could not be restarted). The
   * server's entry point exits so a process manager starts it again; by
   * default it is only logged.
   */
  onFatal?: (error: Error) => void;
  /** The payment provider every tap, page and refund goes through; the built-in test provider by default (benchmarks record calls). */
  payments?: PaymentProvider;
  /** Where brands' Stripe clients send requests: Stripe itself unless a test names its local stand-in. */
  stripeApi?: StripeApiEndpoint;
}

export interface RunningApp {
  url: string;
  port: number;
  db: Db;
  database: DatabaseMonitor;
  httpServer: HttpServer;
  /** The demo accounts exist (seeded on this start): the welcome screen names them. */
  demoSeeded: boolean;
  /** This node's media rooms: tests publish into a show through it. */
  media: MediaService;
  close(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * The composition root: it builds every process-wide service once — the database
 * (embedded unless DATABASE_URL is set, migrated, seeded), the logger's children, the
 * payment provider, object storage, mediasoup workers, Socket.io with its outbox relays,
 * the job runner with its handlers (emails, notifications, webhooks) — and hands them
 * down: as arguments to the realtime server and the job runner, and through the process
 * registry (`services()`) to pages and route handlers, which Next.js bundles apart.
 */
export async function startApp({
  env,
  log,
  withNext = true,
  dev = false,
  onFatal,
  payments: processPayments = createPaymentProvider(env),
  stripeApi,
}: AppOptions): Promise<RunningApp> {
  const cleanups: (() => Promise<void> | void)[] = [];
  // Every cleanup runs even when one before it fails: a failed close must not leave ffmpeg or PostgreSQL behind.
  const close = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse())
      await Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => failures.push(error));
    cleanups.length = 0;
    if (failures.length > 0) throw new AggregateError(failures, 'closing the app failed');
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    // The supervisor reports before the monitor exists only if PostgreSQL dies during startup.
    let monitor: DatabaseMonitor | undefined;
    if (!databaseUrl) {
      const pgLog = log.child({ component: 'embedded-postgres' });
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(env.DATA_DIR, 'postgres'),
        port: env.EMBEDDED_PG_PORT,
        log: (m) => pgLog.debug(m),
        supervise: {
          onDown: (reason) => {
            pgLog.error(reason);
            // Health is public: a fixed sentence, the details stay in the log.
            monitor?.markDown('the embedded database stopped and is being restarted');
          },
          onUp: (restarts) => {
            pgLog.warn({ restarts }, 'embedded PostgreSQL is running again');
            monitor?.markUp();
          },
          onGiveUp: (error) => {
            pgLog.fatal(
              { err: error },
              `${error.message}: the app cannot take orders without its database and stops here, so a process manager can restart it`,
            );
            monitor?.markDown('the embedded database could not be restarted');
            onFatal?.(error);
          },
        },
      });
      cleanups.push(() => pg.stop());
      databaseUrl = pg.url;
    }
    const migrations = await applyMigrations(databaseUrl, { log: (m) => log.info({ component: 'migrate' }, m) });
    if (migrations.applied.length) log.info({ applied: migrations.applied }, 'migrations applied');

    const db = createPrismaClient(databaseUrl, { poolSize: env.DATABASE_POOL_SIZE });
    cleanups.push(() => db.$disconnect());
    monitor = startDatabaseMonitor(db, log);
    const database = monitor;
    cleanups.push(() => database.stop());
    const demoSeeded = env.SEED_DEMO_DATA === 'true' && (await seedDemo(db, log));
    await warmReceiptFormats(db);
    // The shop assistant's intent model trains here (a fraction of a second), not on a viewer's first question.
    prepareAssistant();
    if (isDeployment(env) && !env.SMTP_URL)
      log.warn('SMTP_URL is not set: email (sign-in links, invitations, reminders) is only stored, and nobody can read it');

    const media = await MediaService.create(
      {
        workers: env.MEDIA_WORKERS,
        listenIp: env.MEDIA_LISTEN_IP,
        announcedIp: env.MEDIA_ANNOUNCED_IP,
        rtcMinPort: env.RTC_MIN_PORT,
        rtcMaxPort: env.RTC_MAX_PORT,
        webRtcPort: env.WEBRTC_PORT,
        transportConnectTimeoutMs: env.MEDIA_TRANSPORT_CONNECT_TIMEOUT_MS,
        ...(env.TURN_SECRET && { turn: { urls: env.TURN_URLS, secret: env.TURN_SECRET, ttlSeconds: env.TURN_CREDENTIAL_TTL_SECONDS } }),
      },
      log,
    );
    cleanups.push(() => media.close());
    const simulcastKey = secretsKey(env.SECRETS_KEY);
    // Every order goes to its brand's provider (a brand on Stripe), the process's provider otherwise.
    const payments = new BrandPaymentRouter(db, processPayments, { secretsKey: simulcastKey, ...(stripeApi ? { stripeApi } : {}) });
    const simulcast = new SimulcastService({
      media,
      loadTargets: (showId) => pushTargets(db, simulcastKey, showId),
      blockPrivateTargets: env.SIMULCAST_ALLOW_PRIVATE_TARGETS !== 'true',
      log: log.child({ component: 'simulcast' }),
    });
    cleanups.push(() => simulcast.close());
    const storage = createObjectStore(env);
    const recordings = RecordingService.attach(media, {
      store: storage,
      ledger: recordingLedger(db),
      ffmpegPath: env.FFMPEG_PATH,
      workRoot: path.join(env.DATA_DIR, 'recording-work'),
      log,
    });
    // Before the workers close (cleanups run in reverse): ffmpeg stores its last segment first.
    cleanups.push(() => recordings.close());
    const mediaCluster = env.MEDIA_INTERNAL_URL
      ? await MediaCluster.start(
          db,
          media,
          {
            nodeId: randomUUID(),
            internalUrl: env.MEDIA_INTERNAL_URL,
            // loadEnv refuses MEDIA_INTERNAL_URL without it.
            secret: env.CLUSTER_SECRET!,
            pipeListenIp: mediaPipeAddresses(env).listenIp,
            pipeAnnouncedIp: mediaPipeAddresses(env).announcedIp,
            announcedIp: env.MEDIA_ANNOUNCED_IP,
          },
          log,
        )
      : undefined;
    if (mediaCluster) cleanups.push(() => mediaCluster.close());

    // Multi-node mode: only with REDIS_URL; without it nothing here needs another service.
    const cluster = env.REDIS_URL ? await connectCluster(env.REDIS_URL, log.child({ component: 'redis' })) : null;
    if (cluster) cleanups.push(() => cluster.close());

    const httpServer = createServer();
    const headerPolicy = headerPolicyFromEnv(env, { dev });
    // Answered before Next.js so it reports even while pages cannot render.
    httpServer.on('request', (req, res) => {
      if (!isHealthRequest(req)) return;
      applySecurityHeaders(headerPolicy, req, res);
      serveHealth(req, res, database, cluster ?? undefined);
    });
    // Only with multi-node media on (and so a CLUSTER_SECRET); otherwise the path is just a page that does not exist.
    if (mediaCluster)
      httpServer.on('request', (req, res) => {
        if (isPipeRequest(req)) void mediaCluster.handle(req, res);
      });
    const limits = throttleLimits(env.THROTTLE_LIMITS);
    const realtime = createRealtimeServer(
      httpServer,
      {
        db,
        payments,
        media,
        log: log.child({ component: 'realtime' }),
        authSecret: env.AUTH_SECRET,
        connectionsPerIp: { max: env.SOCKET_MAX_CONNECTIONS_PER_IP, trustProxy: env.TRUST_PROXY === 'true' },
        cluster,
        simulcast: { service: simulcast, key: simulcastKey },
        waitlistHoldMinutes: env.WAITLIST_HOLD_MINUTES,
        assistantPhrasing: phrasingFrom(env),
        qr: qrConfigOf(env),
      },
      { allowedOrigins: allowedOrigins(env), ownLoopback: acceptsOwnLoopback(env) },
    );
    cleanups.push(() => realtime.close());
    configureImageSources(imageSourcesFromEnv(env));
    cleanups.push(() => configureImageSources(undefined));
    registerServices({
      db,
      io: realtime.io,
      env,
      log,
      storage,
      payments,
      verifyCredentials: (email, password, ip) => verifyCredentials(db, email, password, { ip, limits }),
      watchHints: (showId) => media.watchHints(showId),
      prepareWatch: (showId, { ip, userId }) =>
        env.PREPARED_WATCH === 'true' ? media.prepared.prepare(showId, { ip, skipUserId: userId }) : Promise.resolve(null),
      webRtcViewerCount: () => media.webRtcViewerCount,
    });
    cleanups.push(() => registerServices(undefined));
    // The boot script's answer for a prepared watch, answered before Next (server/media/prepared-http.ts).
    httpServer.on('request', (req, res) => {
      if (!isPreparedRequest(req)) return;
      applySecurityHeaders(headerPolicy, req, res);
      servePrepared(req, res, (answer) => media.prepared.connect(answer.token, preparedFingerprints(answer.fingerprints)), log).catch(
        (error: unknown) => {
          log.error({ err: error }, 'answering a prepared watch failed');
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
    });
    const jobsLog = log.child({ component: 'jobs' });
    const jobs = startJobRunner({
      db,
      env,
      log: jobsLog,
      handlers: {
        ...jobHandlers,
        'account.deleted': accountDeletedJob((providerId) => payments.stripeById(providerId)),
        'stripe.payout': stripePayoutJob((providerId) => payments.stripeById(providerId)),
        'stripe.payout-reversal': stripePayoutReversalJob((providerId) => payments.stripeById(providerId)),
      },
      sweeps: [
        { everyMs: 5 * 60_000, run: reminderSweep(db, env, jobsLog) },
        { everyMs: 60_000, run: abandonedBagSweep(db, env, jobsLog) },
        { everyMs: 10 * 60_000, run: deletedBuyerOrdersSweep(db, jobsLog) },
        { everyMs: 60_000, run: reservationSweep(db, payments, jobsLog) },
        { everyMs: 60_000, run: qrPaymentSweep(db, jobsLog) },
        { everyMs: 5_000, run: waitlistSweep(db, jobsLog) },
        { everyMs: 2_000, run: showAuditSweep(db, jobsLog) },
        { everyMs: 5_000, run: auctionSweep(db, payments, jobsLog, (showId, outcome) => realtime.auctions.announce(showId, outcome)) },
      ],
    });
    cleanups.push(() => jobs.stop());
    const pushOff = pushOffNotice(env);
    if (pushOff) jobsLog.warn(pushOff);
    // Throttle windows that ended days ago are only clutter.
    const pruning = setInterval(
      () => void pruneThrottles(db).catch((error: unknown) => log.warn({ err: error }, 'pruning throttle counters failed')),
      60 * 60 * 1000,
    );
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
      const upgrade = nextApp.getUpgradeHandler();
      const frameAncestorsOf = embedFrameAncestors(db, env, log);
      const isStripeShow = stripeShowPages(payments, log);
      const serve = async (req: IncomingMessage, res: ServerResponse) => {
        markLocalRequest(req);
        // The embeddable player's path waits for a lookup (its brand's allowed origins),
        const frameAncestors = embedShowIdOf(req.url ?? '/') === null ? undefined : await frameAncestorsOf(req.url ?? '/');
        // and a show page, whether its brand takes Stripe cards (from the payment router's cache).
        const stripeShow = await isStripeShow(req.url ?? '/');
        applySecurityHeaders(headerPolicy, req, res, frameAncestors, stripeShow);
        markClientIp(req, env.TRUST_PROXY === 'true');
        // A show page with a prepared watch runs its framework after its picture (server/media/deferred-framework.ts).
        if (env.PREPARED_WATCH === 'true' && isShowPageRequest(req)) deferFrameworkOf(req, res);
        await handle(req, res);
      };
      httpServer.on('request', (req, res) => {
        // Socket.io answers its own path; everything else is a page or route handler.
        if (req.url?.startsWith('/socket.io/') || isHealthRequest(req) || isPreparedRequest(req) || (mediaCluster && isPipeRequest(req)))
          return;
        serve(req, res).catch((error: unknown) => {
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
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          httpServer.closeAllConnections();
          httpServer.close(() => resolve());
        }),
    );
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    log.info(
      {
        url,
        database: env.DATABASE_URL ? 'external' : 'embedded',
        mediaWorkers: media.workerCount,
        multiNode: cluster ? cluster.nodeId : false,
      },
      'live commerce is up',
    );
    if (env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true')
      log.warn('WEBHOOKS_ALLOW_PRIVATE_TARGETS=true: webhooks may reach this machine and its private network; leave it off in production');
    return { url, port, db, database, httpServer, demoSeeded, media, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Demo data never stops the app: a database holding someone else's "lumen" brand simply goes without. */
async function seedDemo(db: Db, log: Logger): Promise<boolean> {
  try {
    await seedDemoData(db);
    return true;
  } catch (error) {
    if (!(error instanceof DemoSeedConflictError)) throw error;
    log.warn({ component: 'seed', conflicts: error.conflicts }, error.message);
    return false;
  }
}
