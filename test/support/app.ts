import { encode } from 'next-auth/jwt';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../../server/app';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/protocol';
import { startTestDatabase } from './database';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const AUTH_SECRET = 'integration-test-secret-that-is-long-enough';

export interface TestApp {
  app: RunningApp;
  /** A socket.io client, signed in as the given user or anonymous. */
  connect(user?: { id: string; name: string }): Promise<TestSocket>;
  stop(): Promise<void>;
}

/** The real server (without the Next.js pages) on a random port, against its own fresh database. */
export async function startTestApp(): Promise<TestApp> {
  const database = await startTestDatabase();
  const env = loadEnv({ DATABASE_URL: database.url, PORT: '0', AUTH_SECRET, MEDIA_WORKERS: '1', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/live-commerce-test' });
  const app = await startApp({ env, log: createLogger('silent'), withNext: false });
  const sockets: TestSocket[] = [];
  return {
    app,
    async connect(user) {
      const cookie = user ? `next-auth.session-token=${await encode({ token: { sub: user.id, name: user.name }, secret: AUTH_SECRET })}` : undefined;
      const socket: TestSocket = connect(app.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      await database.stop();
    },
  };
}

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Emits an event and resolves with its acknowledgement (or rejects after 10 s). */
export function ask<E extends EventName>(socket: TestSocket, event: E, payload: unknown): Promise<AckOf<E>> {
  const timed = socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<AckOf<E>> };
  return timed.emitWithAck(event, payload as PayloadOf<E>);
}

/** Resolves with the next broadcast of the given event. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    (socket as unknown as { once(e: string, l: (p: Parameters<ServerToClientEvents[E]>[0]) => void): void }).once(event, resolve);
  });
}
