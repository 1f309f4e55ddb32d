import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PrismaClient } from '../../db/client';
import { registerRawPool } from '../../db/raw';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { TestPaymentProvider } from '../payments';
import { MAX_BATCH } from './order-batches';
import { placeOrder } from './order-pipeline';

// The sale's statements must find its rows through indexes whatever the statistics say.
// PL/pgSQL (and the foreign keys' checks) cache a plan per connection, and after five
// executions may keep a generic one: planned while "Order" and "OrderItem" were empty
// or nearly (a fresh deployment, an ANALYZE or autoanalyze before the first show), a
// scan of the whole table is the cheapest plan, and it stays cached while the table grows
// until something invalidates it. Every sale of a busy first show would then read every
// earlier order. pg_stat_user_tables counts the sequential scans.
let database: TestDatabase;
let pool: pg.Pool;
let db: PrismaClient;
let variantId: string;
const showId = DEMO_SHOW_ID;
const payments = new TestPaymentProvider();

/** The tables a sale writes, which grow with every show. */
const SALE_TABLES = ['Order', 'OrderItem', 'Payment', 'OrderEvent', 'CommissionEntry', 'BrandEvent', 'WebhookDelivery', 'Job'];

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  variantId = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).id;
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 100_000 } });
  // ONE pooled connection, so every sale runs on the plans that one session cached.
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  db = new PrismaClient({ adapter: new PrismaPg(pool) });
  registerRawPool(db, pool);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  await database?.stop();
});

/** Per sale table so far: its sequential scans, and the rows read by any scan (every session's counts flushed). */
async function scans(): Promise<Record<string, { seq: number; rows: number }>> {
  // The pooled session's pending counts reach the shared statistics when it next goes idle.
  await pool.query('SELECT pg_stat_force_next_flush()');
  const rows = await database.prisma.$queryRawUnsafe<{ relname: string; seq: number; rows: number }[]>(
    `SELECT relname, seq_scan::int AS seq, (seq_tup_read + COALESCE(idx_tup_fetch, 0))::int AS rows
       FROM pg_stat_user_tables WHERE relname = ANY($1::text[])`,
    SALE_TABLES,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, { seq: r.seq, rows: r.rows }]));
}

const tap = (buyer: Actor) =>
  placeOrder(db, payments, buyer, {
    showId,
    source: 'ONE_TAP',
    lines: [{ variantId, quantity: 1, dealId: null }],
    idempotencyKey: randomUUID(),
    groupCommit: true,
  });

describe('the sale statements keep index plans whatever the statistics', () => {
  it('with the sale tables ANALYZEd while empty, twelve full batches and twenty lone taps on one pooled connection read no sale table by a sequential scan and only a handful of rows a sale', async () => {
    const BATCHES = 12;
    const LONE = 20;
    const buyers = await makeBuyers(database.prisma, BATCHES * MAX_BATCH + LONE);
    // What a fresh deployment may have: statistics saying the order tables are empty. No
    // autovacuum on them during the test, whose ANALYZE would replace the plans (as it may
    // in production, but only once it comes, after the show's first rush).
    for (const table of SALE_TABLES) await database.prisma.$executeRawUnsafe(`ALTER TABLE "${table}" SET (autovacuum_enabled = off)`);
    await database.prisma.$executeRawUnsafe('ANALYZE');
    const before = await scans();

    for (let b = 0; b < BATCHES; b++) {
      // Taps made in one turn leave as one batch (reserve_orders; buyers all different: rows set-based).
      const sold = await Promise.all(buyers.slice(b * MAX_BATCH, (b + 1) * MAX_BATCH).map((buyer) => tap(buyer)));
      expect(sold.every((s) => s.status === 'PAID')).toBe(true);
    }
    // A lone tap is one reserve_order writing its own rows (the path of bags and of the per-tap fallback too).
    for (const buyer of buyers.slice(BATCHES * MAX_BATCH)) expect((await tap(buyer)).status).toBe('PAID');

    const after = await scans();
    const sales = BATCHES * MAX_BATCH + LONE;
    expect(await database.prisma.order.count()).toBe(sales);
    const during = (t: string, k: 'seq' | 'rows') => (after[t]?.[k] ?? 0) - (before[t]?.[k] ?? 0);
    // No sequential scan of a sale table; and no whole index read in its place: a sale reads a
    // handful of rows (its key, the buyer's orders, its own rows for triggers and foreign keys),
    // not a number that grows with the orders before it (a plan reading every order would read
    // about sales / 2 a sale here, over 200).
    expect(Object.fromEntries(SALE_TABLES.map((t) => [t, during(t, 'seq')]))).toEqual(Object.fromEntries(SALE_TABLES.map((t) => [t, 0])));
    const perSale = Object.fromEntries(SALE_TABLES.map((t) => [t, Math.ceil(during(t, 'rows') / sales)]));
    expect(
      Object.values(perSale).every((n) => n <= 10),
      JSON.stringify(perSale),
    ).toBe(true);
  });
});
