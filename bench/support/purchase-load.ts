// The purchase load generator, shared by the app and the reference so both get
// the same buyers, units and timing. Every buyer connects, joins, and then all tap
// Buy at once; each buyer sends its tap TWICE with the same idempotency key, the
// second right after the first while it is still in flight — what a client does
// when an acknowledgement is lost and it retries. The buyer's latency is the time
// to the first answer it gets.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { percentile } from './harness';

export interface StormTarget {
  url: string;
  showId: string;
  variantId: string;
  /** How buyer i proves who it is: a session cookie (app) or a handshake field (reference). */
  identify(i: number): Promise<{ cookie?: string; auth?: Record<string, string> }>;
  /** Called once every buyer has connected and joined, right before the first tap. */
  onStormStart?: () => void;
}

type Answer = { ok: true; order?: { orderId?: string } } | { ok: false; error?: { code?: string } };

export interface Tap {
  buyer: number;
  key: string;
  answers: Answer[];
  /** ms from the first emit to the first answer */
  latency: number;
}

export interface StormOutcome {
  taps: Tap[];
  /** seconds from the storm's start to the last successful answer */
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  codes: Record<string, number>;
  /** keys whose two answers disagree (one placed, one refused; or two different orders) */
  inconsistent: number;
  /** the disagreeing pairs by their codes, `first/retry` */
  disagreements: Record<string, number>;
}

function ask(socket: Socket, event: string, payload: unknown, timeoutMs = 120_000): Promise<Answer> {
  return socket
    .timeout(timeoutMs)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false, error: { code: 'CLIENT_TIMEOUT' } }) as Answer);
}

async function connect(url: string, who: { cookie?: string; auth?: Record<string, string> }): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    extraHeaders: who.cookie ? { cookie: who.cookie } : {},
    auth: who.auth ?? {},
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export const answerCode = (a: Answer): string => (a.ok ? 'ok' : (a.error?.code ?? 'UNKNOWN'));
const orderOf = (a: Answer): string | undefined => (a.ok ? a.order?.orderId : undefined);

export async function purchaseStorm(target: StormTarget, buyers: number): Promise<StormOutcome> {
  const sockets: Socket[] = [];
  // In waves, so the connection storm itself is not what gets measured.
  for (let i = 0; i < buyers; i += 100) {
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(100, buyers - i) }, async (_, j) => connect(target.url, await target.identify(i + j))),
      )),
    );
  }
  await Promise.all(sockets.map((s) => ask(s, 'show:join', { showId: target.showId })));

  const taps: Tap[] = [];
  let lastOk = 0;
  target.onStormStart?.();
  const start = performance.now();
  await Promise.all(
    sockets.map(async (socket, buyer) => {
      const key = randomUUID();
      const payload = { showId: target.showId, variantId: target.variantId, quantity: 1, idempotencyKey: key };
      const sent = performance.now();
      const both = [ask(socket, 'order:buy', payload), ask(socket, 'order:buy', payload)];
      let latency = 0;
      await Promise.race(both).then(() => (latency = performance.now() - sent));
      const answers = await Promise.all(both);
      if (answers.some((a) => a.ok)) lastOk = Math.max(lastOk, sent + latency);
      taps.push({ buyer, key, answers, latency });
    }),
  );
  const end = performance.now();
  for (const socket of sockets) socket.disconnect();

  const latencies = taps.map((t) => t.latency).sort((a, b) => a - b);
  const codes: Record<string, number> = {};
  let inconsistent = 0;
  const disagreements: Record<string, number> = {};
  for (const tap of taps) {
    const code = answerCode(tap.answers[0]!);
    codes[code] = (codes[code] ?? 0) + 1;
    const [a, b] = tap.answers as [Answer, Answer];
    if (a.ok !== b.ok || orderOf(a) !== orderOf(b)) {
      inconsistent++;
      const pair = `${answerCode(a)}/${answerCode(b)}`;
      disagreements[pair] = (disagreements[pair] ?? 0) + 1;
    }
  }
  return {
    taps,
    seconds: ((lastOk || end) - start) / 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    codes,
    inconsistent,
    disagreements,
  };
}
