import { createECDH, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// The one place that reads process.env. Every default works on a laptop with no
// configuration; production sets DATABASE_URL, AUTH_SECRET and the media IPs.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  // The comment keeps Turbopack from tracing the data directory (PostgreSQL clusters, recordings) into the build.
  DATA_DIR: z.string().min(1).default(path.resolve(/* turbopackIgnore: true */ '.data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  // Multi-node mode: every node given the same Redis shares rooms, sequence numbers, viewer
  // counts, deal timers and chat limits (docs/architecture.md, "Multi-node mode"). Unset: one process.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Seals stored third-party secrets (simulcast stream keys) with AES-256-GCM; required in a deployment.
  SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  MEDIA_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
  MEDIA_ANNOUNCED_IP: z.string().min(1).optional(),
  RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(40000),
  RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(49999),
  MEDIA_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism())),
  // One UDP and one TCP port per worker (worker i on WEBRTC_PORT + i); default RTC_MIN_PORT.
  // 0: each worker takes a free port from its slice of the RTC range.
  WEBRTC_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // Multi-node media (server/media/cluster): where the other nodes reach this node's
  // pipe endpoint. Setting it turns it on, and then CLUSTER_SECRET is required.
  MEDIA_INTERNAL_URL: z.url().optional(),
  // Shared by every node; authenticates node-to-node media pipe requests.
  CLUSTER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Where pipe transports between nodes listen (default MEDIA_LISTEN_IP), and the
  // address the other nodes send to when it differs (0.0.0.0, NAT).
  MEDIA_PIPE_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
  MEDIA_PIPE_ANNOUNCED_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
  // TURN for viewers behind strict NATs (coturn with use-auth-secret): its turn:/turns: URLs,
  // comma-separated, and its static-auth-secret; browsers get time-limited credentials.
  TURN_URLS: z
    .string()
    .default('')
    .transform((raw, ctx) =>
      listOf(raw).map((entry) =>
        /^turns?:[^\s,]+$/.test(entry) ? entry : (ctx.addIssue({ code: 'custom', message: `"${entry}" is not a turn: or turns: URL` }), ''),
      ),
    ),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(86_400),
  // A WebRTC transport not connected within this time is closed.
  MEDIA_TRANSPORT_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  // Concurrent Socket.io connections one IP address may hold.
  SOCKET_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(20),
  // Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry.
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: coloured lines on a laptop, JSON in a deployment (server/log.ts).
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  // Both default from where the app runs (see resolveLocalConveniences): on for a
  // local install, off for a deployment.
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  LOCAL_MAILBOX: z.enum(['true', 'false']).optional(),
  // Email: SMTP when set (smtp://user:pass@host:587 or smtps://…), otherwise the
  // stored outbox shown at /mailbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Live Commerce <no-reply@localhost>'),
  // Minutes before a show's start that reminders go out, unless a person chose otherwise.
  REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(10080).default(15),
  // Marketing (server/domain/campaigns): how long a bag sits untouched before its one follow-up email,
  // and how many campaign emails the job queue may send a minute (spread evenly over the minute).
  ABANDONED_BAG_DELAY_MINUTES: z.coerce.number().int().min(1).max(10080).default(180),
  CAMPAIGN_EMAILS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(300),
  // Recording live shows to HLS (server/media/recording): the ffmpeg to run (Debian's, installed by npm start).
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  // Viewers beyond this many WebRTC viewers on this node watch the HLS backup stream instead. Unset: no cap.
  WEBRTC_MAX_VIEWERS: z.coerce.number().int().min(0).optional(),
  // A live show page's receive side prepared while it renders and connected by its boot script before
  // the framework loads (server/media/prepared-watch.ts); 'false' starts it after hydration as before.
  PREPARED_WATCH: z.enum(['true', 'false']).default('true'),
  // How long a unit given back to a waitlist is held for the person it was offered to (issue 18 item 5).
  WAITLIST_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  // QR payments (issue 21, server/domain/qr-payments): the rails' API base URLs (a test points them at its stand-ins),
  // how long a code may be paid (below the reservation sweeper's 10 minutes), how often the bank is asked, and
  // how long after expiry it still is (a late payment is then refunded, never lost).
  BAKONG_API_URL: z.url().default('https://api-bakong.nbc.gov.kh'),
  QPAY_API_URL: z.url().default('https://merchant.qpay.mn'),
  QR_PAYMENT_MINUTES: z.coerce.number().int().min(1).max(9).default(5),
  QR_CHECK_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  QR_LATE_WATCH_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  // Uploaded images: local disk under DATA_DIR/uploads, or an S3-compatible bucket.
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Public base URL of the bucket's objects (a CDN, or the bucket's own URL). */
  S3_PUBLIC_URL: z.url().optional(),
  // Webhooks to loopback or private addresses are refused unless this is 'true'
  // (a receiver on the same machine or network, while developing).
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  // Simulcast pushes to loopback or private addresses: allowed on a local install (an nginx-rtmp on the laptop),
  // refused in a deployment unless 'true' (an RTMP relay on the LAN).
  SIMULCAST_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).optional(),
  // Further origins (scheme://host[:port], comma-separated) whose pages may open
  // the realtime socket, beside PUBLIC_URL's own.
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((raw, ctx) =>
      listOf(raw).map(
        (entry) =>
          origin(entry) ?? (ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin like https://shop.example.com` }), ''),
      ),
    ),
  // Hosts (comma-separated) that product images, show covers and avatars may be
  // linked from, besides uploads and S3_PUBLIC_URL. Always over https.
  IMAGE_HOSTS: z
    .string()
    .default('')
    .transform((raw, ctx) =>
      listOf(raw).map((entry) =>
        /^[a-z0-9.-]+(:\d+)?$/i.test(entry)
          ? entry.toLowerCase()
          : (ctx.addIssue({ code: 'custom', message: `"${entry}" is not a host name like images.example.com` }), ''),
      ),
    ),
  // OAuth sign-in: each provider is switched on when both of its variables are set.
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  // The shop assistant's optional phrasing model (issue 19): an OpenAI-compatible chat-completions base URL
  // (…/v1), its key and model. Unset: the assistant answers with its own sentences (the default, tested path).
  ASSISTANT_LLM_URL: z.url().optional(),
  ASSISTANT_LLM_KEY: z.string().min(1).optional(),
  ASSISTANT_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  // Web push (VAPID, RFC 8292): the application server's P-256 key pair, base64url as `npx web-push generate-vapid-keys`
  // prints it, and the contact push services see (mailto: or https:). Unset on a local install: a pair is made and
  // kept in DATA_DIR; unset in a deployment: push is off (server/domain/push/vapid.ts says why at boot).
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be an uncompressed P-256 public key, base64url (87 characters)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url (43 characters)')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: address or an https:// URL')
    .optional(),
  // Throttles (server/domain/throttle.ts): JSON overriding some limits, e.g. {"signUpsPerIp":3}.
  THROTTLE_LIMITS: z.string().optional(),
});

function listOf(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The origin of an http(s) URL written as just scheme://host[:port], or null. */
function origin(entry: string): string | null {
  if (!URL.canParse(entry)) return null;
  const url = new URL(entry);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.pathname !== '/' || url.search || url.hash || url.username) return null;
  return url.origin;
}

export type Env = Omit<
  z.infer<typeof envSchema>,
  'SEED_DEMO_DATA' | 'LOCAL_MAILBOX' | 'SIMULCAST_ALLOW_PRIVATE_TARGETS' | 'VAPID_SUBJECT'
> & {
  VAPID_SUBJECT: string;
  AUTH_SECRET: string;
  SECRETS_KEY: string;
  PUBLIC_URL: string;
  WEBRTC_PORT: number;
  SEED_DEMO_DATA: 'true' | 'false';
  LOCAL_MAILBOX: 'true' | 'false';
  SIMULCAST_ALLOW_PRIVATE_TARGETS: 'true' | 'false';
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_IPS = new Set(['127.0.0.1', '::1']);

/**
 * Where this node's media pipes from other nodes listen and the address those
 * nodes send to: MEDIA_PIPE_* when set, else the WebRTC ones (MEDIA_LISTEN_IP,
 * MEDIA_ANNOUNCED_IP).
 */
export function mediaPipeAddresses(
  env: Pick<Env, 'MEDIA_LISTEN_IP' | 'MEDIA_ANNOUNCED_IP' | 'MEDIA_PIPE_LISTEN_IP' | 'MEDIA_PIPE_ANNOUNCED_IP'>,
): { listenIp: string; announcedIp?: string } {
  if (env.MEDIA_PIPE_LISTEN_IP) return { listenIp: env.MEDIA_PIPE_LISTEN_IP, announcedIp: env.MEDIA_PIPE_ANNOUNCED_IP };
  return { listenIp: env.MEDIA_LISTEN_IP, announcedIp: env.MEDIA_PIPE_ANNOUNCED_IP ?? env.MEDIA_ANNOUNCED_IP };
}

/** A PUBLIC_URL on this machine only: a laptop or a test run, never a deployment people reach. */
export function isLocalPublicUrl(publicUrl: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(publicUrl).hostname);
}

/**
 * `npm start` always runs the production build (NODE_ENV=production), on a laptop
 * as on a server, so NODE_ENV alone cannot tell them apart; the address people
 * use can. A deployment is NODE_ENV=production with a PUBLIC_URL that is not
 * localhost, and it never gets a development convenience by default.
 */
export function isDeployment(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean {
  return env.NODE_ENV === 'production' && !isLocalPublicUrl(env.PUBLIC_URL);
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.RTC_MIN_PORT > env.RTC_MAX_PORT) throw new Error('Invalid configuration: RTC_MIN_PORT > RTC_MAX_PORT');
  const webRtcPort = env.WEBRTC_PORT ?? env.RTC_MIN_PORT;
  if (webRtcPort > 0 && webRtcPort + env.MEDIA_WORKERS - 1 > 65535)
    throw new Error('Invalid configuration: WEBRTC_PORT + MEDIA_WORKERS exceeds 65535');
  if (env.STORAGE_DRIVER === 's3' && !(env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Invalid configuration: STORAGE_DRIVER=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  if (env.MEDIA_LISTEN_IP === '0.0.0.0' && !env.MEDIA_ANNOUNCED_IP) {
    throw new Error('Invalid configuration: MEDIA_LISTEN_IP=0.0.0.0 needs MEDIA_ANNOUNCED_IP (the address browsers reach)');
  }
  if (env.MEDIA_INTERNAL_URL && !env.CLUSTER_SECRET) {
    // The pipe endpoint makes this node send a show's media wherever it is told: never without the secret.
    throw new Error(
      'Invalid configuration: MEDIA_INTERNAL_URL (multi-node media) needs CLUSTER_SECRET, the same 32+ characters on every node ' +
        '(`openssl rand -base64 32`); without it the internal pipe endpoint would not be authenticated.',
    );
  }
  if (env.MEDIA_INTERNAL_URL) {
    const pipe = mediaPipeAddresses(env);
    if (pipe.listenIp === '0.0.0.0' && !pipe.announcedIp) {
      throw new Error(
        'Invalid configuration: media pipes listening on 0.0.0.0 need MEDIA_PIPE_ANNOUNCED_IP (the address other nodes reach)',
      );
    }
    // Other machines cannot send RTP to a loopback address: the show would reach them silently without a picture.
    if (!LOOPBACK_HOSTS.has(new URL(env.MEDIA_INTERNAL_URL).hostname) && LOOPBACK_IPS.has(pipe.announcedIp ?? pipe.listenIp)) {
      throw new Error(
        `Invalid configuration: MEDIA_INTERNAL_URL ${env.MEDIA_INTERNAL_URL} is reached from other machines, but media pipes would be sent to ${pipe.announcedIp ?? pipe.listenIp}; ` +
          'set MEDIA_PIPE_LISTEN_IP (and MEDIA_PIPE_ANNOUNCED_IP) to an address the other nodes reach',
      );
    }
  }
  if (env.TURN_URLS.length > 0 !== Boolean(env.TURN_SECRET)) {
    throw new Error('Invalid configuration: TURN_URLS and TURN_SECRET go together (the TURN server and its static-auth-secret)');
  }
  const PUBLIC_URL = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const deployment = isDeployment({ NODE_ENV: env.NODE_ENV, PUBLIC_URL });
  if (deployment && !env.AUTH_SECRET) {
    throw new Error(
      `Invalid configuration: AUTH_SECRET is required in production (NODE_ENV=production, PUBLIC_URL=${PUBLIC_URL}). ` +
        'It signs every session cookie and email link; generate one with `openssl rand -base64 32` and give every node the same value.',
    );
  }
  if (deployment && env.SEED_DEMO_DATA === 'true') {
    throw new Error(
      `Invalid configuration: SEED_DEMO_DATA=true in production (PUBLIC_URL=${PUBLIC_URL}) would create demo accounts whose password, demo-password, is published. ` +
        'Demo data is for a local install (PUBLIC_URL on localhost) or NODE_ENV=development; remove SEED_DEMO_DATA.',
    );
  }
  const local = !deployment;
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    throw new Error(
      'Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (one key pair, `npx web-push generate-vapid-keys`)',
    );
  }
  const AUTH_SECRET = env.AUTH_SECRET ?? localSecret(env.DATA_DIR);
  return {
    ...env,
    WEBRTC_PORT: webRtcPort,
    AUTH_SECRET,
    // Without its own value, derived from AUTH_SECRET (a separate key for a separate purpose), so an existing
    // deployment keeps starting; a new AUTH_SECRET then means entering the stream keys again (README says so).
    SECRETS_KEY: env.SECRETS_KEY ?? createHash('sha256').update(`live-commerce secrets key\0${AUTH_SECRET}`).digest('base64url'),
    PUBLIC_URL,
    VAPID_SUBJECT: env.VAPID_SUBJECT ?? vapidSubject(PUBLIC_URL, env.MAIL_FROM),
    SEED_DEMO_DATA: env.SEED_DEMO_DATA ?? (local ? 'true' : 'false'),
    SIMULCAST_ALLOW_PRIVATE_TARGETS: env.SIMULCAST_ALLOW_PRIVATE_TARGETS ?? (local ? 'true' : 'false'),
    // The mailbox shows every sign-in link: only where no one else can be reading it.
    LOCAL_MAILBOX: env.LOCAL_MAILBOX ?? (isLocalPublicUrl(PUBLIC_URL) && !env.SMTP_URL ? 'true' : 'false'),
  };
}

// A random secret kept in the data directory, so local sessions survive restarts
// without anyone having to invent a secret.
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * A local install's VAPID pair, made on first use and kept beside the auth secret: browsers tie a subscription
 * to the public key, so a new pair on every start would silently orphan every subscription.
 */
export function localVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const known = vapidKeysByDir.get(dataDir);
  if (known) return known;
  const keys = readOrMakeVapidKeys(dataDir);
  vapidKeysByDir.set(dataDir, keys);
  return keys;
}

const vapidKeysByDir = new Map<string, { publicKey: string; privateKey: string }>();

function readOrMakeVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.join(dataDir, 'vapid-keys.json');
  if (existsSync(file)) {
    const stored = z.object({ publicKey: z.string(), privateKey: z.string() }).parse(JSON.parse(readFileSync(file, 'utf8')));
    return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const keys = { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: ecdh.getPrivateKey().toString('hex').padStart(64, '0') };
  keys.privateKey = Buffer.from(keys.privateKey, 'hex').toString('base64url');
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

// Push services want a contact: the site itself when it is served over https, else the sender address of its emails.
function vapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith('https://')) return publicUrl;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `mailto:${address}`;
}
