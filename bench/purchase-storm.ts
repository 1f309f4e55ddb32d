// Purchase storm, app against its reference in the same run: B buyers tap Buy at
// once on a product with S units (each tap sent twice with one idempotency key, as
// after a lost acknowledgement). First the reference (bench/reference/server.ts:
// plain Socket.io + pg, one statement per tap), then the app, with the same load
// generator, buyers and units; the reference is stopped before the app starts.
// BENCH_RUNS=B:S,… (or BENCH_PURCHASE_RUNS) chooses the runs; BENCH_TARGETS=app|reference runs only one side.
import pg from 'pg';
import { record, startBenchServer, table } from './support/harness';
import { appRun, referenceRun, startReference, type PurchaseRun } from './support/purchase-runs';
import { emitResult, type Figure } from './support/results';

// BENCH_PURCHASE_RUNS for `npm run bench`, where BENCH_RUNS would also set the chat runs.
const RUNS_SETTING = process.env.BENCH_PURCHASE_RUNS ?? process.env.BENCH_RUNS;
const RUNS = (RUNS_SETTING ?? '1000:100,1000:1000').split(',').map((r) => r.split(':').map(Number) as [number, number]);
const SIDES = (process.env.BENCH_TARGETS ?? 'reference,app').split(',') as PurchaseRun['target'][];

async function referenceRuns(): Promise<PurchaseRun[]> {
  const reference = await startReference();
  const db = new pg.Client({ connectionString: reference.databaseUrl });
  await db.connect();
  try {
    const results: PurchaseRun[] = [];
    for (const [buyers, units] of RUNS) results.push(await referenceRun(reference, db, buyers, units));
    return results;
  } finally {
    await db.end();
    await reference.stop();
  }
}

async function appRuns(): Promise<PurchaseRun[]> {
  const server = await startBenchServer();
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const results: PurchaseRun[] = [];
    for (const [buyers, units] of RUNS) results.push(await appRun(server, db, buyers, units));
    return results;
  } finally {
    await db.end();
    await server.stop();
  }
}

const runs = [...(SIDES.includes('reference') ? await referenceRuns() : []), ...(SIDES.includes('app') ? await appRuns() : [])];
for (const r of runs) console.log(r);
// The i-th app run against the i-th reference run: the same buyers and units.
const referenceResults = runs.filter((r) => r.target === 'reference');
const appResults = runs.filter((r) => r.target === 'app');
const ratios = appResults.flatMap((app, i) => {
  const reference = referenceResults[i];
  return reference
    ? [
        {
          buyers: app.buyers,
          units: app.units,
          p99: app.p99 / reference.p99,
          ordersPerSecond: app.ordersPerSecond / reference.ordersPerSecond,
          serverCpu: app.stormCpu / app.orders / (reference.stormCpu / reference.orders),
          dbCpu: app.stormDbCpu / app.orders / (reference.stormDbCpu / reference.orders),
        },
      ]
    : [];
});

// CPU per order placed, in ms: what a sale costs whatever else loads the machine (refused taps' cost included).
const perOrder = (seconds: number, orders: number) => (orders ? ((seconds * 1000) / orders).toFixed(2) : '—');

const body = [
  "Each buyer sends its tap twice with one idempotency key (the second while the first is in flight); latency is to the first answer. Correctness is read from each side's database after the run (and, for the app, from the payment provider's record of captures and voids).",
  '',
  table(
    [
      'server',
      'buyers',
      'units',
      'orders',
      'duplicates',
      'oversold',
      'stock mismatch',
      'answers disagree (first emitted/retry)',
      'answer ≠ database',
      'refused, units left',
      'capture errors',
      'refusals not voided',
      'refusals',
      'ack p50 ms',
      'ack p95 ms',
      'ack p99 ms',
      'orders/s',
      'server CPU s (connect, join, taps)',
      'of it, taps s',
      'server CPU ms/order (taps)',
      'PostgreSQL CPU s (taps)',
      'PostgreSQL CPU ms/order (taps)',
    ],
    runs.map((r) => [
      r.target,
      r.buyers,
      r.units,
      r.orders,
      r.duplicates,
      r.oversold,
      r.stockMismatch,
      r.inconsistent ? `${r.inconsistent}: ${r.disagreements}` : 0,
      r.answerMismatch,
      r.refusedWithUnitsLeft,
      r.captureErrors ? `${r.captureErrors}: ${r.captureProblems}` : 0,
      r.unvoided,
      r.refusals,
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.p99.toFixed(0),
      r.ordersPerSecond.toFixed(0),
      r.serverCpu.toFixed(1),
      r.stormCpu.toFixed(1),
      perOrder(r.stormCpu, r.orders),
      r.stormDbCpu.toFixed(1),
      perOrder(r.stormDbCpu, r.orders),
    ]),
  ),
  ...runs
    .filter((r) => r.salesPerCommit !== undefined)
    .flatMap((r) => [
      '',
      `App, ${r.buyers} buyers on ${r.units} units: sales per commit (group commit batch sizes, size×commits): ${r.salesPerCommit || '—'}`,
    ]),
  ...(ratios.length
    ? [
        '',
        'App against reference (targets: ack p99 ≤ 1.5×, orders/s ≥ 0.7×):',
        '',
        table(
          [
            'buyers',
            'units',
            'ack p99 app/reference',
            'orders/s app/reference',
            'server CPU/order app/reference',
            'PostgreSQL CPU/order app/reference',
          ],
          ratios.map((r) => [
            r.buyers,
            r.units,
            r.p99.toFixed(2),
            r.ordersPerSecond.toFixed(2),
            r.serverCpu.toFixed(2),
            r.dbCpu.toFixed(2),
          ]),
        ),
      ]
    : []),
].join('\n');
const command =
  process.env.BENCH_COMMAND ?? `npm run bench:purchase${process.env.BENCH_TARGETS ? ` (BENCH_TARGETS=${process.env.BENCH_TARGETS})` : ''}`;
const where = record('Purchase storm, app against reference', `${command}${RUNS_SETTING ? ` (runs ${RUNS_SETTING})` : ''}`, body);

const figures: Figure[] = runs.flatMap((r) => {
  const params = { server: r.target, buyers: r.buyers, units: r.units };
  return [
    { name: 'ack p99', value: r.p99, unit: 'ms', params, samples: r.samples },
    { name: 'orders/s', value: r.ordersPerSecond, unit: 'orders/s', params },
    { name: 'orders', value: r.orders, unit: 'orders', params },
    { name: 'server CPU per order', value: r.orders ? (r.stormCpu * 1000) / r.orders : NaN, unit: 'ms', params },
    { name: 'PostgreSQL CPU per order', value: r.orders ? (r.stormDbCpu * 1000) / r.orders : NaN, unit: 'ms', params },
    {
      name: 'correctness violations',
      value:
        r.duplicates +
        r.oversold +
        Math.abs(r.stockMismatch) +
        r.inconsistent +
        r.answerMismatch +
        r.refusedWithUnitsLeft +
        r.captureErrors +
        r.unvoided,
      unit: 'count',
      params,
    },
  ];
});
for (const r of ratios) {
  const params = { buyers: r.buyers, units: r.units };
  figures.push(
    { name: 'ack p99 app/reference', value: r.p99, unit: '×', params },
    { name: 'orders/s app/reference', value: r.ordersPerSecond, unit: '×', params },
  );
}
emitResult({ benchmark: 'purchase-storm', ...where, figures });
process.exit(0);
