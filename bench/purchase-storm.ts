// Purchase storm: B signed-in buyers, each with its own account and wallet, tap
// Buy within the same second on one product with S units. Every buyer is a real
// socket.io client in this process; the server runs in another.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ask, connectMany, percentile, processUsage, record, sessionCookie, startBenchServer, table, type BenchServer } from './support/harness';

const RUNS = (process.env.BENCH_RUNS ?? '200:20,1000:100,2000:200,1000:1000')
  .split(',')
  .map((r) => r.split(':').map(Number) as [number, number]);

async function createBuyers(db: pg.Client, run: string, count: number) {
  const ids = Array.from({ length: count }, (_, i) => `${run}_${i}`);
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash") SELECT id, id || '@bench.live', 'Bench Buyer', 'x' FROM unnest($1::text[]) AS id`, [ids]);
  await db.query(`INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") SELECT 'a_' || id, id, 'Bench Buyer', '1 Bench St', 'Ulaanbaatar', 'MN', true FROM unnest($1::text[]) AS id`, [ids]);
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'pm_' || id, id, 'test', 'tok_test_visa_4242', 'visa', '4242', 1, 2099, true FROM unnest($1::text[]) AS id`,
    [ids],
  );
  return ids;
}

async function storm(server: BenchServer, db: pg.Client, buyers: number, units: number) {
  const run = `b${Date.now().toString(36)}`;
  const ids = await createBuyers(db, run, buyers);
  await db.query(`UPDATE "ProductVariant" SET stock = $1 WHERE id = $2`, [units, server.variantId]);
  const sockets = await connectMany(server, buyers, (i) => sessionCookie(server, { id: ids[i]!, name: 'Bench Buyer' }));
  await Promise.all(sockets.map((s) => ask(s, 'show:join', { showId: server.showId })));
  const cpuBefore = processUsage(server.process.pid!).cpuSeconds;

  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let lastOk = 0;
  const start = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      const sent = performance.now();
      const response = await ask(socket, 'order:buy', { showId: server.showId, variantId: server.variantId, quantity: 1, idempotencyKey: randomUUID() });
      const done = performance.now();
      latencies.push(done - sent);
      const code = response.ok ? 'ok' : response.error!.code;
      codes[code] = (codes[code] ?? 0) + 1;
      if (response.ok) lastOk = Math.max(lastOk, done);
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const serverCpu = processUsage(server.process.pid!).cpuSeconds - cpuBefore;
  for (const socket of sockets) socket.disconnect();

  const { rows } = await db.query<{ orders: string; buyers: string; stock: number }>(
    `SELECT count(*) AS orders, count(DISTINCT o."buyerId") AS buyers, (SELECT stock FROM "ProductVariant" WHERE id = $2) AS stock
       FROM "Order" o WHERE o."buyerId" LIKE $1`,
    [`${run}_%`, server.variantId],
  );
  const orders = Number(rows[0]!.orders);
  latencies.sort((a, b) => a - b);
  return {
    buyers,
    units,
    orders,
    duplicates: orders - Number(rows[0]!.buyers),
    oversold: Math.max(0, orders - units) + (rows[0]!.stock < 0 ? 1 : 0),
    refusals: Object.entries(codes).filter(([c]) => c !== 'ok').map(([c, n]) => `${c} ${n}`).join(', ') || '—',
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ordersPerSecond: orders / ((lastOk - start) / 1000 || elapsed),
    serverCpu,
  };
}

const server = await startBenchServer();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
try {
  const results = [];
  for (const [buyers, units] of RUNS) {
    const r = await storm(server, db, buyers, units);
    console.log(r);
    results.push(r);
  }
  record(
    'Purchase storm',
    `npm run bench:purchase${process.env.BENCH_RUNS ? ` (BENCH_RUNS=${process.env.BENCH_RUNS})` : ''}`,
    table(
      ['buyers', 'units', 'orders', 'duplicates', 'oversold', 'refusals', 'ack p50 ms', 'ack p95 ms', 'ack p99 ms', 'orders/s', 'server CPU s'],
      results.map((r) => [r.buyers, r.units, r.orders, r.duplicates, r.oversold, r.refusals, r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.ordersPerSecond.toFixed(0), r.serverCpu.toFixed(1)]),
    ),
  );
} finally {
  await db.end();
  await server.stop();
}
