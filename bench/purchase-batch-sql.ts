// Where a batch of one-tap sales spends its time inside PostgreSQL (issue 14 items 1–2):
// no sockets, no app, only reserve_orders on the embedded PostgreSQL with the demo data, as
// order-batches.ts calls it. Prints the backend's own CPU per sale (from /proc, whatever
// else loads the machine) and, with pg_stat_statements tracking nested statements, the
// statements inside the function and its triggers by total time.
//
//   npx tsx bench/purchase-batch-sql.ts            # 40 batches of 32 distinct buyers
//   BATCHES=80 BATCH=32 npx tsx bench/purchase-batch-sql.ts
//   MIGRATIONS_DIR=/other/checkout/prisma/migrations npx tsx bench/purchase-batch-sql.ts   # another revision's SQL
//   ANALYZE=1 npx tsx bench/purchase-batch-sql.ts   # statistics taken with the order tables empty (a fresh deployment)
//   PLANS=1 npx tsx bench/purchase-batch-sql.ts     # and the plans of one more batch's statements that scan a whole table
//   PLANS=all npx tsx bench/purchase-batch-sql.ts   # … or of all its statements
//
// It also prints the tables read by sequential scans during the measured batches
// (pg_stat_user_tables): a sale should find its rows through indexes, whatever the statistics.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '../server/db/client';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { applyMigrations } from '../server/db/migrate';
import { seedDemoData } from '../server/db/seed';
import { freePort } from '../deploy/local/process';

const BATCHES = Number(process.env.BATCHES ?? 40);
const BATCH = Number(process.env.BATCH ?? 32);
const STATS = process.env.STATS !== '0';

/** utime + stime of one process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The statements (nested ones too) and functions by time, from pg_stat_statements and pg_stat_user_functions. */
async function printStatistics(db: pg.Client): Promise<void> {
  const { rows: top } = await db.query<{ ms: string; calls: string; per: string; query: string }>(
    `SELECT round(total_exec_time::numeric, 1) AS ms, calls, round((total_exec_time / calls)::numeric * 1000, 1) AS per, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 30`,
  );
  console.log('total ms | calls | µs/call | statement');
  for (const row of top) console.log(`${row.ms.padStart(8)} | ${row.calls.padStart(5)} | ${row.per.padStart(7)} | ${row.query}`);
  const { rows: fns } = await db.query<{ funcname: string; calls: string; total: string; self: string }>(
    `SELECT funcname, calls, round(total_time::numeric, 1) AS total, round(self_time::numeric, 1) AS self FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 15`,
  );
  console.log('function | calls | total ms | self ms');
  for (const f of fns) console.log(`${f.funcname} | ${f.calls} | ${f.total} | ${f.self}`);
}

/** Tables read by sequential scans since the last pg_stat_reset (this session's counts flushed first). */
async function printSequentialScans(db: pg.Client): Promise<void> {
  await db.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await db.query<{ relname: string; seq_scan: string; seq_tup_read: string; idx_scan: string }>(
    `SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0) AS idx_scan FROM pg_stat_user_tables
      WHERE seq_scan > 0 ORDER BY seq_tup_read DESC, seq_scan DESC LIMIT 12`,
  );
  console.log('sequential scans: table | scans | rows read | index scans');
  for (const r of rows) console.log(`  ${r.relname} | ${r.seq_scan} | ${r.seq_tup_read} | ${r.idx_scan}`);
}

/**
 * One more batch with auto_explain reporting every nested statement's plan as a notice, as
 * the session has cached it (a generic plan, if PL/pgSQL chose one); prints those with a Seq Scan.
 */
async function printScanningPlans(db: pg.Client, batch: string): Promise<void> {
  const plans: string[] = [];
  const onNotice = (notice: { message?: string }) => {
    if (notice.message && (process.env.PLANS === 'all' || notice.message.includes('Seq Scan'))) plans.push(notice.message);
  };
  db.on('notice', onNotice);
  await db.query(`LOAD 'auto_explain'`);
  await db.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_level = notice`);
  await db.query('SELECT "ord", "r" FROM "reserve_orders"($1::jsonb)', [batch]);
  await db.query('SET auto_explain.log_min_duration = -1');
  db.off('notice', onNotice);
  // One plan per statement: the parameters' values and the duration differ from call to call.
  const distinct = [...new Set(plans.map((p) => p.replace(/duration: [\d.]+ ms/, '').replace(/\nQuery Parameters: .*/, '')))];
  console.log(
    `plans${process.env.PLANS === 'all' ? '' : ' with a sequential scan'} in one batch: ${plans.length} (${distinct.length} distinct)`,
  );
  for (const plan of distinct) console.log(plan);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-rows-'));
chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'pg'),
  port: await freePort(),
  // STATS=0: without the statistics, whose own cost per nested statement is large (for the CPU figure alone).
  postgresFlags: [
    ...(STATS
      ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'track_functions=all']
      : []),
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
  ],
});
try {
  await applyMigrations(server.url, { migrationsDir: process.env.MIGRATIONS_DIR });
  const prisma = createPrismaClient(server.url);
  const seed = await seedDemoData(prisma);
  const productId = seed.productIds[0]!;
  await prisma.show.update({
    where: { id: seed.showId },
    data: { status: 'LIVE', startedAt: new Date(), pinnedProductId: productId, maxPerBuyer: 1000 },
  });
  const variant = await prisma.productVariant.findFirstOrThrow({ where: { productId }, orderBy: { priceMinor: 'asc' } });
  await prisma.productVariant.update({ where: { id: variant.id }, data: { stock: 1_000_000 } });
  await prisma.$disconnect();

  const db = new pg.Client({ connectionString: server.url });
  await db.connect();
  if (STATS) await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const ids = Array.from({ length: (BATCHES + 1) * BATCH }, (_, i) => `rows_${i}`);
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT id, id || '@bench.live', 'Bench Buyer', 'x' FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") SELECT 'a_' || id, id, 'Bench Buyer', '1 Bench St', 'Ulaanbaatar', 'MN', true FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'pm_' || id, id, 'test', 'tok_test_visa_4242', 'visa', '4242', 1, 2099, true FROM unnest($1::text[]) AS id`,
    [ids],
  );
  // ANALYZE=1: the tables' statistics taken now, as autovacuum would after the seed (the Order tables still empty).
  if (process.env.ANALYZE === '1') await db.query('VACUUM ANALYZE');
  const [{ pid }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];

  const taps = (batch: number) =>
    ids.slice(batch * BATCH, (batch + 1) * BATCH).map((buyerId) => ({
      orderId: randomUUID(),
      buyerId,
      showId: seed.showId,
      source: 'ONE_TAP',
      lines: [{ variantId: variant.id, quantity: 1, dealId: null }],
      idempotencyKey: randomUUID(),
      couponCode: null,
      expectedTotalMinor: null,
      inline: { provider: 'test', reference: `ref_${randomUUID()}`, tokens: '^tok_test_', locale: null, webhookAttempts: 6 },
    }));

  // A warm-up batch: plans cached, as in a running server.
  await db.query('SELECT "ord", "r" FROM "reserve_orders"($1::jsonb)', [JSON.stringify(taps(0))]);
  if (STATS) await db.query('SELECT pg_stat_statements_reset()');
  await db.query('SELECT pg_stat_reset()');
  const cpuBefore = cpuMs(pid);
  const started = process.hrtime.bigint();
  let sold = 0;
  for (let b = 1; b < BATCHES; b++) {
    const { rows } = await db.query<{ r: { outcome: string } }>('SELECT "ord", "r" FROM "reserve_orders"($1::jsonb)', [
      JSON.stringify(taps(b)),
    ]);
    sold += rows.filter((row) => row.r.outcome === 'PAID').length;
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = cpuMs(pid) - cpuBefore;
  console.log(
    `sales ${sold} in ${BATCHES - 1} batches of ${BATCH}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`backend CPU ${cpu} ms = ${(cpu / sold).toFixed(3)} ms/sale; wall ${(wallMs / sold).toFixed(3)} ms/sale`);
  if (STATS) await printStatistics(db);
  await printSequentialScans(db);
  if (process.env.PLANS) await printScanningPlans(db, JSON.stringify(taps(BATCHES)));
  const { rows: counts } = await db.query<{ t: string; n: string }>(
    `SELECT 'Order' AS t, count(*) AS n FROM "Order" UNION ALL SELECT 'OrderItem', count(*) FROM "OrderItem" UNION ALL SELECT 'CommissionEntry', count(*) FROM "CommissionEntry"
     UNION ALL SELECT 'Payment', count(*) FROM "Payment" UNION ALL SELECT 'OrderEvent', count(*) FROM "OrderEvent" UNION ALL SELECT 'BrandEvent', count(*) FROM "BrandEvent"
     UNION ALL SELECT 'Job', count(*) FROM "Job" UNION ALL SELECT 'WebhookDelivery', count(*) FROM "WebhookDelivery" UNION ALL SELECT 'ShowAuditPending', count(*) FROM "ShowAuditPending"`,
  );
  console.log(counts.map((c) => `${c.t} ${c.n}`).join(', '));
  await db.end();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
