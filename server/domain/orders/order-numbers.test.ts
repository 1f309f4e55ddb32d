import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '../../db/migrate';
import { seedDemoData } from '../../db/seed';
import { checkoutBag, setBagItem } from '../bag';
import { makeBuyers } from '../checkout.test-support';
import { buy, payments, prepareShows, type OrderFixtures } from './order-test-support';

// Order numbers count per brand, assigned by a trigger from the brand's own
// sequence (migration 20261207120000_brand_order_numbers): no row lock on the purchase path.
let database: TestDatabase;
let fx: OrderFixtures;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  fx = await prepareShows(database.prisma);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const numbersOf = async (showId: string) =>
  (await database.prisma.order.findMany({ where: { showId }, select: { number: true }, orderBy: { number: 'asc' } })).map((o) => o.number);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('per-brand order numbers', () => {
  it("a brand's first order is #1, whatever other brands have sold", async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const lumen = await buy(database.prisma, buyer!, fx.lumenShowId, fx.lumenVariantId);
    const kora = await buy(database.prisma, buyer!, fx.koraShowId, fx.koraVariantId);
    expect(lumen.number).toBe(1);
    expect(kora.number).toBe(1);
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id: kora.id }, select: { number: true } })).toEqual({ number: 1 });
  });

  it('many one-tap and bag orders for two brands at once number each brand gap-free 1..n, with no duplicates', async () => {
    const before = { lumen: (await numbersOf(fx.lumenShowId)).length, kora: (await numbersOf(fx.koraShowId)).length };
    const buyers = await makeBuyers(database.prisma, 24);
    const bagBuyers = buyers.slice(0, 6);
    for (const b of bagBuyers) await setBagItem(database.prisma, b, { showId: fx.koraShowId, variantId: fx.koraVariantId, quantity: 1 });
    const placed = await Promise.all([
      ...buyers.map((b) => buy(database.prisma, b, fx.lumenShowId, fx.lumenVariantId)),
      ...buyers.slice(6).map((b) => buy(database.prisma, b, fx.koraShowId, fx.koraVariantId)),
      ...bagBuyers.map((b) => checkoutBag(database.prisma, payments, b, { showId: fx.koraShowId, idempotencyKey: randomUUID() })),
    ]);
    expect(placed).toHaveLength(24 + 18 + 6);
    expect(await numbersOf(fx.lumenShowId)).toEqual(oneTo(before.lumen + 24));
    expect(await numbersOf(fx.koraShowId)).toEqual(oneTo(before.kora + 24));
  });

  it('an insert that names its own number still gets the brand’s next one', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const count = (await numbersOf(fx.koraShowId)).length;
    const kora = await database.prisma.show.findUniqueOrThrow({ where: { id: fx.koraShowId }, select: { brandId: true } });
    const order = await database.prisma.order.create({
      data: {
        number: 999,
        buyerId: buyer!.userId,
        brandId: kora.brandId,
        showId: fx.koraShowId,
        totalMinor: 100,
        currency: 'USD',
        idempotencyKey: 'manual',
      },
      select: { number: true },
    });
    expect(order.number).toBe(count + 1);
  });
});

describe('the migration to per-brand numbers', () => {
  it('renumbers existing orders per brand in the order they were placed, and new orders continue from there', async () => {
    const db = await startTestDatabase({ migrate: false });
    const before = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    const client = new pg.Client({ connectionString: db.url });
    try {
      for (const m of readMigrations().filter((m) => m.name < '20261207120000'))
        cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(before, m.name), { recursive: true });
      await applyMigrations(db.url, { migrationsDir: before });
      await client.connect();
      await client.query(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('u1', 'u1@test.live', 'U One', 'x')`);
      await client.query(
        `INSERT INTO "Brand" (id, slug, name) VALUES ('ba', 'brand-a', 'A'), ('bb', 'brand-b', 'B'), ('bc', 'brand-c', 'C')`,
      );
      // Global numbers 1..5 alternate between the brands; A's second order was placed before its first number.
      const rows: [string, string, string][] = [
        ['o1', 'ba', '2026-01-01T10:00:00Z'],
        ['o2', 'bb', '2026-01-01T10:01:00Z'],
        ['o3', 'ba', '2026-01-01T09:00:00Z'],
        ['o4', 'bb', '2026-01-01T10:03:00Z'],
        ['o5', 'ba', '2026-01-01T10:04:00Z'],
      ];
      for (const [id, brand, at] of rows)
        await client.query(
          `INSERT INTO "Order" (id, "buyerId", "brandId", "totalMinor", currency, "idempotencyKey", "createdAt") VALUES ($1, 'u1', $2, 100, 'USD', $1, $3)`,
          [id, brand, at],
        );
      await applyMigrations(db.url);
      const numbered = await client.query<{ id: string; number: number }>(`SELECT id, number FROM "Order" ORDER BY id`);
      expect(numbered.rows).toEqual([
        { id: 'o1', number: 2 },
        { id: 'o2', number: 1 },
        { id: 'o3', number: 1 },
        { id: 'o4', number: 2 },
        { id: 'o5', number: 3 },
      ]);
      const next = async (brand: string) =>
        (
          await client.query<{ number: number }>(
            `INSERT INTO "Order" (id, "buyerId", "brandId", "totalMinor", currency, "idempotencyKey") VALUES ($1, 'u1', $2, 100, 'USD', $1) RETURNING number`,
            [randomUUID(), brand],
          )
        ).rows[0]!.number;
      expect([await next('ba'), await next('bb'), await next('bc')]).toEqual([4, 3, 1]);
    } finally {
      await client.end();
      rmSync(before, { recursive: true, force: true });
      await db.stop();
    }
  });
});
