import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { startApp, type AppOptions, type RunningApp } from '../../server/app';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/protocol';
import { startTestDatabase } from './database';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Every test app's, so a node started in another process accepts the same sign-ins. */
export const AUTH_SECRET = 'integration-test-secret-that-is-long-enough';

export interface TestApp {
  app: RunningApp;
  /** The database this app uses: a second node of a multi-node test passes it as DATABASE_URL. */
  databaseUrl: string;
  /** A socket.io client, signed in as the given user or anonymous. */
  connect(user?: { id: string; name: string }, opts?: { reconnection?: boolean }): Promise<TestSocket>;
  stop(): Promise<void>;
}

/**
 * The real server (without the Next.js pages) on a random port, against its own fresh database.
 * Every test connects from 127.0.0.1, so the per-address connection cap is lifted unless a test
 * sets it; the WebRTC port is any free one so test apps can run side by side.
 */
export async function startTestApp(overrides: Record<string, string> = {}, options: Pick<AppOptions, 'stripeApi'> = {}): Promise<TestApp> {
  // Given a DATABASE_URL (another node's), this app shares that database and leaves dropping it to its owner.
  const database = overrides.DATABASE_URL ? null : await startTestDatabase();
  const databaseUrl = overrides.DATABASE_URL ?? database!.url;
  // Its own uploads directory: test files run side by side.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-test-'));
  const env = loadEnv({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    AUTH_SECRET,
    MEDIA_WORKERS: '1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    WEBRTC_PORT: '0',
    SOCKET_MAX_CONNECTIONS_PER_IP: '100000',
    ...overrides,
  });
  const app = await startApp({ env, log: createLogger('silent'), withNext: false, ...options });
  const sockets: TestSocket[] = [];
  return {
    app,
    databaseUrl,
    async connect(user, opts = {}) {
      const socket = await openTestSocket(app.url, user, opts, (opened) => sockets.push(opened));
      return socket;
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      await database?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A socket.io client to `url` (any node of the test's), signed in as the given user or anonymous.
 * `opened` hears the socket before it connects, so a caller can close it even when connecting fails.
 */
export async function openTestSocket(
  url: string,
  user?: { id: string; name: string },
  opts: { reconnection?: boolean } = {},
  opened: (socket: TestSocket) => void = () => undefined,
): Promise<TestSocket> {
  const cookie = user
    ? `next-auth.session-token=${await encode({ token: { sub: user.id, name: user.name }, secret: AUTH_SECRET })}`
    : undefined;
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 50,
    forceNew: true,
  });
  opened(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Emits an event and resolves with its acknowledgement (or rejects after 30 s). */
export function ask<E extends EventName>(socket: TestSocket, event: E, payload: unknown): Promise<AckOf<E>> {
  const timed = socket.timeout(30_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<AckOf<E>> };
  return timed.emitWithAck(event, payload as PayloadOf<E>);
}

/** Resolves with the next broadcast of the given event. */
/** The next `event` on `socket`, or the next one `matches` accepts: events of earlier tests can still be in flight. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  const emitter = socket as unknown as { on(e: string, l: (p: Payload) => void): void; off(e: string, l: (p: Payload) => void): void };
  return new Promise((resolve) => {
    const listener = (payload: Payload) => {
      if (!matches(payload)) return;
      emitter.off(event, listener);
      resolve(payload);
    };
    emitter.on(event, listener);
  });
}

export interface TestBuyer {
  id: string;
  name: string;
}

/** Creates `count` buyers, each with a default address and a test card that succeeds. */
export async function createBuyers(t: TestApp, count: number, prefix = 'buyer'): Promise<TestBuyer[]> {
  const run = `${prefix}${Date.now().toString(36)}`;
  const users = Array.from({ length: count }, (_, i) => ({
    id: `${run}_${i}`,
    email: `${run}_${i}@test.live`,
    name: `Buyer ${i} Test`,
    passwordHash: 'not-used',
  }));
  await t.app.db.user.createMany({ data: users });
  await t.app.db.address.createMany({
    data: users.map((u) => ({ userId: u.id, fullName: u.name, line1: '1 Test St', city: 'Vientiane', country: 'LA', isDefault: true })),
  });
  await t.app.db.paymentMethod.createMany({
    data: users.map((u) => ({
      userId: u.id,
      provider: 'test',
      token: 'tok_test_visa_4242',
      brand: 'visa',
      last4: '4242',
      expMonth: 1,
      expYear: 2099,
      isDefault: true,
    })),
  });
  return users.map(({ id, name }) => ({ id, name }));
}

/** Joins a show and returns its snapshot; fails the test if the join is refused. */
export async function joinShow(socket: TestSocket, showId: string) {
  const response = await ask(socket, 'show:join', { showId });
  if (!response.ok) throw new Error(`join failed: ${response.error.code}`);
  return response;
}
