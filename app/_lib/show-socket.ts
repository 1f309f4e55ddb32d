'use client';

import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/server/realtime/protocol';
import { serverClock } from './server-clock';

export type ShowClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

// socket.io-client is a tenth of the viewer page's JavaScript and nothing on the
// first paint needs it: it loads as its own chunk, fetched while the page hydrates.
let client: Promise<typeof import('socket.io-client')> | null = null;
const loadClient = () => (client ??= import('socket.io-client'));
if (typeof window !== 'undefined') void loadClient();

async function openSocket(): Promise<ShowClientSocket> {
  const { io } = await loadClient();
  // Same origin: the session cookie rides along and authenticates the socket.
  const socket: ShowClientSocket = io({ path: '/socket.io', transports: ['websocket', 'polling'], withCredentials: true });
  // Startup marks (lc:*) are what the glass-to-glass benchmark reads to time a new viewer's phases.
  socket.once('connect', () => performance.mark('lc:socket-connected'));
  followServerClock(socket);
  return socket;
}

/** Feeds the page's server clock from this socket: a burst of samples on every (re)connect, one a minute after. */
function followServerClock(socket: ShowClientSocket): void {
  const stop = serverClock.follow(
    async () => {
      const answer = await request(socket, 'time:sync', {}, 5_000);
      return answer.ok ? answer.serverNow : null;
    },
    (listener) => {
      socket.on('connect', listener);
      return () => void socket.off('connect', listener);
    },
  );
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') stop();
  });
}

let early: Promise<ShowClientSocket> | null = null;

/** Opens the page's socket during hydration (see early-watch.ts); the next connectShowSocket takes this one. */
export function openShowSocketEarly(): Promise<ShowClientSocket> {
  return (early ??= openSocket());
}

export function connectShowSocket(): Promise<ShowClientSocket> {
  const opened = early ?? openSocket();
  early = null;
  return opened;
}

/**
 * Sends an event and resolves with its acknowledgement. A timeout resolves as a
 * typed error rather than hanging, so every caller handles one shape.
 */
export function request<E extends EventName>(
  socket: ShowClientSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = 10_000,
): Promise<AckOf<E>> {
  // socket.io's typings cannot express a timed emit over a generic event name.
  const timed = socket.timeout(timeoutMs) as unknown as {
    emit(e: string, p: unknown, cb: (err: Error | null, response: AckOf<E>) => void): void;
  };
  return new Promise((resolve) => {
    timed.emit(event, payload, (err, response) => {
      if (err)
        resolve({
          ok: false,
          // The page reads the reason through the dictionary it already has; `message` is only for logs, so it says
          // what happened rather than importing server/domain/errors (and with it every English sentence and the
          // reasons catalog) into the viewer's first load.
          error: { code: 'INTERNAL', reason: 'CONNECTION_SLOW', message: `no answer to ${event} within ${timeoutMs} ms` },
        } as AckOf<E>);
      else resolve(response);
    });
  });
}

/** Like `request`, but throws the error payload so media setup can be written as one sequence. */
export async function call<E extends EventName>(
  socket: ShowClientSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<Extract<AckOf<E>, { ok: true }>> {
  const response = (await request(socket, event, payload)) as Ack;
  if (!response.ok) throw new Error(`${event}: ${response.error.code} ${response.error.message}`);
  return response as Extract<AckOf<E>, { ok: true }>;
}
