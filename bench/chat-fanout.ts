// Chat fan-out: V viewers in one show, M messages a second from a set of signed-in
// senders; every message carries its send time, so each delivery's latency is
// measured by the same clock. Also the time from a host's pin to the last of V
// viewers receiving it: per pin the latest arrival, then p50/p99 over the pins. Clients are real socket.io clients in this process; the
// server runs in another.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort } from '../deploy/local/process';
import { startRedis } from '../scripts/lib/redis.mjs';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { emitResult } from './support/results';
import {
  ask,
  connectMany,
  percentile,
  processUsage,
  record,
  sessionCookie,
  startBenchServer,
  table,
  type BenchServer,
} from './support/harness';

// BENCH_CHAT_RUNS for `npm run bench`, where BENCH_RUNS would also set the purchase runs.
const RUNS_SETTING = process.env.BENCH_CHAT_RUNS ?? process.env.BENCH_RUNS;
const RUNS = (RUNS_SETTING ?? '500:10,1000:20,2000:20').split(',').map((r) => r.split(':').map(Number) as [number, number]);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Each sender stays under the per-person chat limit (one a second).
const SENDER_RATE = 1;
// One "last viewer" figure per pin: at least 20 behind a percentile.
const PINS = Number(process.env.BENCH_PINS ?? 20);
// BENCH_CHAT_NODES=2 (bench/chat-cluster.ts): that many app nodes on one Redis and one PostgreSQL, as in
// docs/scaling.md; viewers and senders alternate between them, the host is on the first. The nodes, Redis,
// PostgreSQL and this load generator all share the same cores: the figures say what the Redis hop costs, not
// what a second machine adds.
const NODES = Number(process.env.BENCH_CHAT_NODES ?? 1);

/** `count` sockets, the i-th on node i mod N. */
async function connectSpread(servers: BenchServer[], count: number, cookieFor?: (i: number) => Promise<string>) {
  const perNode = await Promise.all(
    servers.map((server, k) => {
      const indices = Array.from({ length: count }, (_, i) => i).filter((i) => i % servers.length === k);
      return connectMany(server, indices.length, cookieFor ? (j) => cookieFor(indices[j]!) : undefined);
    }),
  );
  return perNode.flat();
}

async function run(servers: BenchServer[], db: pg.Client, viewers: number, perSecond: number) {
  const server = servers[0]!;
  const senderCount = Math.ceil(perSecond / SENDER_RATE);
  const tag = `c${Date.now().toString(36)}`;
  const senderIds = Array.from({ length: senderCount }, (_, i) => `${tag}_${i}`);
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT id, id || '@bench.live', 'Bench Sender', 'x' FROM unnest($1::text[]) AS id`,
    [senderIds],
  );
  await db.query(`UPDATE "Show" SET "slowModeSeconds" = 0 WHERE id = $1`, [server.showId]);
  const audience = await connectSpread(servers, viewers);
  const senders = await connectSpread(servers, senderCount, (i) => sessionCookie(server, { id: senderIds[i]!, name: 'Bench Sender' }));
  const host = (await connectMany(server, 1, () => sessionCookie(server, { id: server.hostId, name: 'Host' })))[0]!;
  await Promise.all([...audience, ...senders, host].map((s) => ask(s, 'show:join', { showId: server.showId })));

  const latencies: number[] = [];
  let refused = 0;
  for (const socket of audience) {
    socket.on('chat:message', (e) => {
      const sentAt = Number(e.message.text.split(' ')[1]);
      if (e.message.text.startsWith(tag)) latencies.push(performance.now() - sentAt);
    });
  }
  const usageOfNodes = () =>
    servers
      .map((s) => processUsage(s.process.pid!))
      .reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssMiB: a.rssMiB + b.rssMiB }));
  const cpuBefore = usageOfNodes().cpuSeconds;
  const started = performance.now();
  const total = perSecond * SECONDS;
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const sender = senders[i % senderCount]!;
    sends.push(
      ask(sender, 'chat:send', { showId: server.showId, text: `${tag} ${performance.now()} message ${i}` }).then(
        (r) => void (r.ok || refused++),
      ),
    );
  }
  await Promise.all(sends);
  const expected = (total - refused) * viewers;
  for (let i = 0; i < 200 && latencies.length < expected; i++) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  const usage = usageOfNodes();

  // Pin sync: from the host's pin to the last viewer receiving it.
  const pinLatencies: number[] = [];
  for (let round = 0; round < PINS; round++) {
    const pinned = performance.now();
    const arrivals = audience.map(
      (s) => new Promise<number>((resolve) => s.once('product:pinned', () => resolve(performance.now() - pinned))),
    );
    await ask(host, 'product:pin', { showId: server.showId, productId: server.productId });
    pinLatencies.push(Math.max(...(await Promise.all(arrivals))));
  }

  for (const socket of [...audience, ...senders, host]) socket.disconnect();
  latencies.sort((a, b) => a - b);
  pinLatencies.sort((a, b) => a - b);
  return {
    viewers,
    perSecond,
    delivered: latencies.length,
    expected,
    refused,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    deliveriesPerSecond: latencies.length / elapsed,
    serverCpuPercent: ((usage.cpuSeconds - cpuBefore) / elapsed) * 100,
    serverRssMB: (usage.rssMiB * 2 ** 20) / 1e6,
    pinP50: percentile(pinLatencies, 50),
    pinP99: percentile(pinLatencies, 99),
    pins: pinLatencies.length,
  };
}

// Several nodes share one PostgreSQL and one Redis started here; one node keeps its own database and no Redis, as `npm start` runs.
const shared = NODES > 1 ? mkdtempSync(path.join(os.tmpdir(), 'live-commerce-bench-cluster-')) : undefined;
if (shared) chmodSync(shared, 0o755); // as root, PostgreSQL runs as another user that must enter it
const database = shared ? await startEmbeddedPostgres({ dataDir: path.join(shared, 'pg'), port: await freePort() }) : undefined;
const redis = shared ? await startRedis() : undefined;
const servers: BenchServer[] = [];
// One after the other: each node seeds the demo data and makes the show live, which two at once would race over.
for (let i = 0; i < NODES; i++)
  servers.push(await startBenchServer(database && redis ? { BENCH_DATABASE_URL: database.url, REDIS_URL: redis.url } : {}));
const server = servers[0]!;
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
try {
  const results = [];
  for (const [viewers, perSecond] of RUNS) {
    const r = await run(servers, db, viewers, perSecond);
    console.log(r);
    results.push(r);
  }
  const where = record(
    NODES > 1 ? `Chat fan-out and pin sync over ${NODES} nodes (Redis)` : 'Chat fan-out and pin sync',
    `npm run bench:${NODES > 1 ? 'chat-cluster' : 'chat'}${RUNS_SETTING ? ` (runs ${RUNS_SETTING})` : ''}, ${SECONDS} s per run`,
    table(
      [
        'viewers',
        'msgs/s',
        'delivered / expected',
        'refused',
        'delivery p50 ms',
        'delivery p99 ms',
        'deliveries/s',
        'server CPU %',
        'server RSS MB',
        'pins',
        'pin → last viewer p50 ms',
        'p99 ms',
      ],
      results.map((r) => [
        r.viewers,
        r.perSecond,
        `${r.delivered} / ${r.expected}`,
        r.refused,
        r.p50.toFixed(0),
        r.p99.toFixed(0),
        r.deliveriesPerSecond.toFixed(0),
        r.serverCpuPercent.toFixed(0),
        r.serverRssMB.toFixed(0),
        r.pins,
        r.pinP50.toFixed(0),
        r.pinP99.toFixed(0),
      ]),
    ) +
      '\n\nPin → last viewer: for each pin the arrival at the last of the viewers, then p50/p99 over the pins. MB = 10⁶ bytes.' +
      (NODES > 1
        ? `\n\n${NODES} app nodes on one Redis and one PostgreSQL, viewers and senders alternating between them, the host on the first; server CPU and RSS are the nodes' sum. The nodes, Redis, PostgreSQL and the load generator share the same ${os.availableParallelism()} cores.`
        : ''),
  );
  emitResult({
    benchmark: NODES > 1 ? 'chat-cluster' : 'chat-fanout',
    ...where,
    figures: results.flatMap((r) => {
      const params = { viewers: r.viewers, perSecond: r.perSecond };
      return [
        { name: 'delivery p99', value: r.p99, unit: 'ms', params, samples: r.delivered },
        { name: 'undelivered', value: r.expected - r.delivered, unit: 'messages', params },
        { name: 'pin → last viewer p99', value: r.pinP99, unit: 'ms', params, samples: r.pins },
        { name: 'server RSS', value: r.serverRssMB, unit: 'MB', params },
      ];
    }),
  });
} finally {
  await db.end();
  for (const s of servers) await s.stop();
  await redis?.stop();
  await database?.stop();
  if (shared) rmSync(shared, { recursive: true, force: true });
}
