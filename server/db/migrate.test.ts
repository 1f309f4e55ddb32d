import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase } from '../../test/support/database';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from './migrate';

describe('migration runner', () => {
  let db: Awaited<ReturnType<typeof startTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    db = await startTestDatabase({ migrate: false });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.stop();
  });

  it('applies every migration once, records it as Prisma does, and applies nothing the second time', async () => {
    const names = readMigrations().map((m) => m.name);
    expect(await applyMigrations(db.url)).toEqual({ applied: names });
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('lets concurrent starts race safely: one applies, the others wait and find nothing to do', async () => {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const results = await Promise.all([applyMigrations(db.url), applyMigrations(db.url), applyMigrations(db.url)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, readMigrations().length]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = $1`, [readMigrations()[0]!.name]);
    await expect(applyMigrations(db.url)).rejects.toThrow(/changed after it was applied/);
    await client.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [
      readMigrations()[0]!.checksum,
      readMigrations()[0]!.name,
    ]);
  });

  it('refuses to run while a migration is recorded as failed and unresolved, as Prisma leaves it', async () => {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('00000000-0000-4000-8000-000000000000', repeat('a', 64), '29990101000000_broken', now())`,
    );
    await expect(applyMigrations(db.url)).rejects.toThrow(/29990101000000_broken failed earlier and was never resolved/);
    await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '29990101000000_broken'`);
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
  });

  it('rolls a failing migration back completely and records the attempt as rolled back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(path.join(dir, '29990102000000_half_done'));
      writeFileSync(
        path.join(dir, '29990102000000_half_done', 'migration.sql'),
        'CREATE TABLE "Half" ("id" TEXT);\nSELECT no_such_function();\n',
      );
      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        /29990102000000_half_done failed and was rolled back: .*no_such_function/,
      );
      expect((await client.query(`SELECT to_regclass('"Half"') AS t`)).rows[0].t).toBeNull();
      const { rows } = await client.query(
        `SELECT finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990102000000_half_done'`,
      );
      expect(rows).toEqual([{ finished_at: null, rolled_back_at: expect.any(Date), logs: expect.stringMatching(/no_such_function/) }]);
      // Not blocking: the corrected file goes in on the next start.
      writeFileSync(path.join(dir, '29990102000000_half_done', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\n');
      expect(await applyMigrations(db.url, { migrationsDir: dir })).toEqual({ applied: ['29990102000000_half_done'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await client.query(`DROP TABLE IF EXISTS "Half"; DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`);
    }
  });

  it('has the database refuse negative stock even from a write that bypasses the order flow', async () => {
    await client.query(`INSERT INTO "Brand" (id, slug, name) VALUES ('b', 'b', 'B')`);
    await client.query(`INSERT INTO "Product" (id, "brandId", title) VALUES ('p', 'b', 'P')`);
    await client.query(
      `INSERT INTO "ProductVariant" (id, "productId", sku, name, "priceMinor", currency, stock) VALUES ('v', 'p', 'SKU', 'V', 100, 'USD', 1)`,
    );
    await expect(client.query(`UPDATE "ProductVariant" SET stock = stock - 2 WHERE id = 'v'`)).rejects.toThrow(
      /ProductVariant_stock_nonnegative/,
    );
  });
});
