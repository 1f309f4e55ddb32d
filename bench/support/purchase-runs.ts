// One purchase storm against the reference or the app, with the same load
// generator, and the database checked afterwards: orders per idempotency key,
// stock, and (app only) the captures and voids per key, from the app's Payment
// rows and from the payment provider's own record.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { processUsage, sessionCookie, type BenchServer } from './harness';
import { purchaseStorm, type StormOutcome, type Tap } from './purchase-load';

export interface PurchaseRun {
  target: 'reference' | 'app';
  buyers: number;
  units: number;
  orders: number;
  /** orders beyond the first under one key */
  duplicates: number;
  oversold: number;
  /** units that left stock without an order (or came back): units − orders − stock after */
  stockMismatch: number;
  /** keys whose two answers disagree */
  inconsistent: number;
  /** which answers disagreed, `first/retry n` */
  disagreements: string;
  /** keys answered "placed" with no order (app: no PAID order), or refused with an order */
  answerMismatch: number;
  /** buyers refused in both answers although units were left at the end */
  refusedWithUnitsLeft: number;
  /** placed keys without exactly one capture (Payment rows and provider), and payments left authorized */
  captureErrors: number;
  /** what was wrong with them, `problem n` */
  captureProblems: string;
  /** refused keys whose authorization was not voided */
  unvoided: number;
  refusals: string;
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  ordersPerSecond: number;
  /** From the first connection to the last answer: connecting and joining 1,000 buyers included. */
  serverCpu: number;
  /** Of it, from the first tap to the last answer. */
  stormCpu: number;
  /** PostgreSQL's CPU (postmaster, backends, background processes) from the first tap to the last answer. */
  stormDbCpu: number;
  /**
   * App only: the batch sizes of its group commit (server/domain/orders/order-batches.ts), read from the
   * database: a statement's orders share their paidAt (now(), the transaction's start). `size×commits, …`.
   */
  salesPerCommit?: string;
}

export interface ReferenceServer {
  url: string;
  databaseUrl: string;
  variantId: string;
  showId: string;
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function startReference(): Promise<ReferenceServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/reference/server.ts')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<Omit<ReferenceServer, 'pid' | 'stop'>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('READY ') && resolve(JSON.parse(line.slice(6))));
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return {
    ...ready,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * CPU seconds of the processes below `pid` (the server's embedded PostgreSQL: the
 * postmaster, its backends and background workers, and what they reaped). With
 * the server's own CPU this is the load-independent cost of a storm: the machine
 * is shared, wall-clock figures move with its load, CPU spent per order does not.
 */
export function descendantsCpu(pid: number): number {
  const parents = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const child = Number(entry);
      const parent = Number(fields[1]);
      // utime + stime of the process, and cutime + cstime of its reaped children (backends that ended).
      ticks.set(child, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      parents.set(parent, [...(parents.get(parent) ?? []), child]);
    } catch {
      // ended while we looked
    }
  }
  let total = 0;
  const queue = [...(parents.get(pid) ?? [])];
  while (queue.length) {
    const next = queue.pop()!;
    total += ticks.get(next) ?? 0;
    queue.push(...(parents.get(next) ?? []));
  }
  return total / 100;
}

function summarise(
  target: PurchaseRun['target'],
  buyers: number,
  units: number,
  storm: StormOutcome,
  serverCpu: number,
  stormCpu: number,
  stormDbCpu: number,
) {
  return {
    target,
    buyers,
    units,
    inconsistent: storm.inconsistent,
    disagreements:
      Object.entries(storm.disagreements)
        .map(([pair, n]) => `${pair} ${n}`)
        .join(', ') || '—',
    refusals:
      Object.entries(storm.codes)
        .filter(([c]) => c !== 'ok')
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || '—',
    p50: storm.p50,
    p95: storm.p95,
    p99: storm.p99,
    samples: storm.taps.length,
    serverCpu,
    stormCpu,
    stormDbCpu,
  };
}

const placed = (tap: Tap) => tap.answers.some((a) => a.ok);

/** Orders per key, and how many answers disagree with them. */
function checkOrders(taps: Tap[], ordersByKey: Map<string, number>) {
  let duplicates = 0;
  let answerMismatch = 0;
  for (const tap of taps) {
    const n = ordersByKey.get(tap.key) ?? 0;
    duplicates += Math.max(0, n - 1);
    if (placed(tap) !== n > 0) answerMismatch++;
  }
  return { duplicates, answerMismatch };
}

export async function referenceRun(reference: ReferenceServer, db: pg.Client, buyers: number, units: number): Promise<PurchaseRun> {
  const run = `r${Date.now().toString(36)}`;
  await db.query('UPDATE variant SET stock = $1 WHERE id = $2', [units, reference.variantId]);
  const cpuBefore = processUsage(reference.pid).cpuSeconds;
  let cpuAtStorm = cpuBefore;
  let dbCpuAtStorm = 0;
  const storm = await purchaseStorm(
    {
      onStormStart: () => {
        cpuAtStorm = processUsage(reference.pid).cpuSeconds;
        dbCpuAtStorm = descendantsCpu(reference.pid);
      },
      url: reference.url,
      showId: reference.showId,
      variantId: reference.variantId,
      identify: async (i) => ({ auth: { buyerId: `${run}_${i}` } }),
    },
    buyers,
  );
  const cpuAfter = processUsage(reference.pid).cpuSeconds;
  const dbCpuAfter = descendantsCpu(reference.pid);
  const serverCpu = cpuAfter - cpuBefore;
  const { rows } = await db.query<{ key: string; n: number }>(
    'SELECT idempotency_key AS key, count(*)::int AS n FROM orders WHERE buyer_id LIKE $1 GROUP BY 1',
    [`${run}_%`],
  );
  const { rows: stock } = await db.query<{ stock: number }>('SELECT stock FROM variant WHERE id = $1', [reference.variantId]);
  const orders = rows.reduce((sum, r) => sum + r.n, 0);
  return {
    ...summarise('reference', buyers, units, storm, serverCpu, cpuAfter - cpuAtStorm, dbCpuAfter - dbCpuAtStorm),
    ...checkOrders(storm.taps, new Map(rows.map((r) => [r.key, r.n]))),
    orders,
    oversold: Math.max(0, orders - units) + Math.max(0, -stock[0]!.stock),
    stockMismatch: units - orders - stock[0]!.stock,
    refusedWithUnitsLeft: stock[0]!.stock > 0 ? storm.taps.filter((t) => !placed(t)).length : 0,
    captureErrors: 0,
    captureProblems: '',
    unvoided: 0,
    ordersPerSecond: orders / storm.seconds,
  };
}

async function createBuyers(db: pg.Client, run: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${run}_${i}`);
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
  return ids;
}

export async function appRun(server: BenchServer, db: pg.Client, buyers: number, units: number): Promise<PurchaseRun> {
  const run = `b${Date.now().toString(36)}`;
  const ids = await createBuyers(db, run, buyers);
  await db.query(`UPDATE "ProductVariant" SET stock = $1 WHERE id = $2`, [units, server.variantId]);
  const cpuBefore = processUsage(server.process.pid!).cpuSeconds;
  let cpuAtStorm = cpuBefore;
  let dbCpuAtStorm = 0;
  const storm = await purchaseStorm(
    {
      onStormStart: () => {
        cpuAtStorm = processUsage(server.process.pid!).cpuSeconds;
        dbCpuAtStorm = descendantsCpu(server.process.pid!);
      },
      url: server.url,
      showId: server.showId,
      variantId: server.variantId,
      identify: async (i) => ({ cookie: await sessionCookie(server, { id: ids[i]!, name: 'Bench Buyer' }) }),
    },
    buyers,
  );
  const cpuAfter = processUsage(server.process.pid!).cpuSeconds;
  const dbCpuAfter = descendantsCpu(server.process.pid!);
  const serverCpu = cpuAfter - cpuBefore;

  // A reservation released after a failed payment (CANCELLED) is no order; a placed tap's order must be PAID.
  const { rows } = await db.query<{ key: string; n: number; paid: number }>(
    `SELECT "idempotencyKey" AS key, count(*) FILTER (WHERE status <> 'CANCELLED')::int AS n, count(*) FILTER (WHERE status = 'PAID')::int AS paid FROM "Order" WHERE "buyerId" LIKE $1 GROUP BY 1`,
    [`${run}_%`],
  );
  const paidByKey = new Map(rows.map((r) => [r.key, r.paid]));
  const { rows: payments } = await db.query<{ key: string; status: string; n: number }>(
    `SELECT o."idempotencyKey" AS key, p.status::text AS status, count(*)::int AS n FROM "Payment" p JOIN "Order" o ON o.id = p."orderId" WHERE o."buyerId" LIKE $1 GROUP BY 1, 2`,
    [`${run}_%`],
  );
  const { rows: stock } = await db.query<{ stock: number }>(`SELECT stock FROM "ProductVariant" WHERE id = $1`, [server.variantId]);
  const ledger = new Map((await server.ledger(`${run}_`)).map((e) => [e.key, e]));
  const orders = rows.reduce((sum, r) => sum + r.n, 0);
  // Payment rows by the provider's reference, whether or not they belong to an order.
  const { rows: byReference } = await db.query<{ reference: string; status: string }>(
    `SELECT reference, status::text AS status FROM "Payment" WHERE reference = ANY($1)`,
    [[...ledger.values()].map((e) => e.reference)],
  );
  const rowStatus = new Map(byReference.map((r) => [r.reference, r.status]));

  let captureErrors = payments.filter((p) => p.status === 'AUTHORIZED').reduce((sum, p) => sum + p.n, 0);
  let unvoided = 0;
  const captureProblems: Record<string, number> = {};
  for (const tap of storm.taps) {
    const entry = ledger.get(`${ids[tap.buyer]}:${tap.key}`);
    if (placed(tap)) {
      const rowsCaptured = payments.filter((p) => p.key === tap.key && p.status === 'CAPTURED').reduce((sum, p) => sum + p.n, 0);
      const problem =
        rowsCaptured !== 1
          ? `${rowsCaptured} captured Payment rows`
          : !entry
            ? 'not seen by the provider'
            : entry.state === 'voided'
              ? 'voided at the provider, CAPTURED in Payment'
              : entry.captures !== 1
                ? 'not captured at the provider'
                : null;
      if (problem) {
        captureErrors++;
        captureProblems[problem] = (captureProblems[problem] ?? 0) + 1;
      }
    } else if (
      entry &&
      (entry.state !== 'voided' || entry.captures !== 0 || (rowStatus.has(entry.reference) && rowStatus.get(entry.reference) !== 'VOIDED'))
    ) {
      // A refused tap stopped before the provider (sold out at the gate) needs no void;
      // one that was authorized needs it at the provider and on any Payment row it left.
      unvoided++;
    }
  }
  const { rows: commits } = await db.query<{ size: number; commits: number }>(
    `SELECT size, count(*)::int AS commits FROM (SELECT count(*)::int AS size FROM "Order" WHERE "buyerId" LIKE $1 AND "paidAt" IS NOT NULL GROUP BY "paidAt") b GROUP BY size ORDER BY size`,
    [`${run}_%`],
  );
  const checked = checkOrders(storm.taps, new Map(rows.map((r) => [r.key, r.n])));
  const unpaid = storm.taps.filter((t) => placed(t) && paidByKey.get(t.key) !== 1).length;
  return {
    ...summarise('app', buyers, units, storm, serverCpu, cpuAfter - cpuAtStorm, dbCpuAfter - dbCpuAtStorm),
    ...checked,
    answerMismatch: checked.answerMismatch + unpaid,
    refusedWithUnitsLeft: stock[0]!.stock > 0 ? storm.taps.filter((t) => !placed(t)).length : 0,
    orders,
    oversold: Math.max(0, orders - units) + Math.max(0, -stock[0]!.stock),
    stockMismatch: units - orders - stock[0]!.stock,
    captureErrors,
    captureProblems: Object.entries(captureProblems)
      .map(([p, n]) => `${p} ${n}`)
      .join(', '),
    unvoided,
    ordersPerSecond: orders / storm.seconds,
    salesPerCommit: commits.map((c) => `${c.size}×${c.commits}`).join(', '),
  };
}
