import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

// Prisma's own bookkeeping table, with the DDL its schema engine uses for
// PostgreSQL, so `prisma migrate status/deploy` agree with us wherever the
// engine is available.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The key Prisma's schema engine locks on PostgreSQL: taking the same one makes
// our runner and `prisma migrate deploy` wait for each other too.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function readMigrations(migrationsDir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: sql.toString('utf8'), checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, in name
 * order. Refuses to go on when an applied migration was edited afterwards or a
 * previous attempt (ours or Prisma's) failed half-way: both need a person.
 *
 * Each file runs inside one transaction, so a migration must not manage
 * transactions itself nor use statements PostgreSQL forbids in one
 * (CREATE INDEX CONCURRENTLY, using an enum value added in the same file).
 */
export async function applyMigrations(
  databaseUrl: string,
  opts: { migrationsDir?: string; log?: (msg: string) => void } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => undefined);
  const migrations = readMigrations(opts.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level: held until this connection closes, whatever happens below.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    refuseUnresolvedFailures(rows);
    const done = new Map(
      rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]),
    );
    refuseEditedMigrations(migrations, done);
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length) log(`the database has migrations this build does not know (a newer build migrated it?): ${unknown.join(', ')}`);

    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      log(`applying migration ${migration.name}`);
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await client.end();
  }
}

function refuseUnresolvedFailures(rows: MigrationRow[]): void {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length === 0) return;
  const names = failed.map((r) => r.migration_name).join(', ');
  throw new Error(
    `Migration ${names} failed earlier and was never resolved. Check the database by hand, then mark it with ` +
      `\`prisma migrate resolve --rolled-back <name>\` (or set "rolled_back_at" = now() on its row in "_prisma_migrations") and start again.`,
  );
}

function refuseEditedMigrations(migrations: MigrationFile[], done: Map<string, string>): void {
  const edited = migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name);
  if (edited.length === 0) return;
  throw new Error(
    `Migration ${edited.join(', ')} was changed after it was applied to this database (checksum mismatch). ` +
      'Restore the applied version of the file and put the change in a new migration.',
  );
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
      id,
      migration.checksum,
      migration.name,
    ]);
    await client.query(migration.sql);
    // One script is one step for Prisma as well.
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    // The transaction left nothing behind, so record the attempt as already rolled
    // back: the history shows it, and a corrected file is applied on the next start.
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at) VALUES ($1, $2, $3, $4, now(), now())',
      [id, migration.checksum, migration.name, message],
    );
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}
