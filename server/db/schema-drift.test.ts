import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase } from '../../test/support/database';
import { applyMigrations, MIGRATIONS_DIR } from './migrate';
import { databaseFacts, diffFacts, expectedFacts, readDatamodel, type Datamodel } from './schema-drift';

const tinyModel: Datamodel = {
  models: [
    {
      name: 'Thing',
      dbName: null,
      fields: [
        { name: 'id', kind: 'scalar', type: 'String', isRequired: true, isList: false, default: { name: 'cuid', args: [] } },
        { name: 'count', kind: 'scalar', type: 'Int', isRequired: true, isList: false, default: 0 },
        { name: 'note', kind: 'scalar', type: 'String', isRequired: false, isList: false, nativeType: ['Char', ['2']] },
      ],
    },
  ],
  enums: [],
  indexes: [{ model: 'Thing', type: 'id', fields: [{ name: 'id' }] }],
};

describe('schema drift comparator', () => {
  it('describes a model as columns with type, nullability and database default, and its keys', () => {
    expect([...expectedFacts(tinyModel)].sort()).toEqual(
      [
        'table Thing',
        'column Thing.id text not null', // cuid() is filled in by Prisma Client, not the database
        'column Thing.count integer not null with default',
        'column Thing.note character(2) nullable',
        'primary key Thing(id)',
      ].sort(),
    );
  });

  it('lists every fact present on only one side, and nothing when both agree', () => {
    const expected = new Set(['table A', 'column A.x integer not null']);
    expect(diffFacts(expected, new Set(expected))).toEqual([]);
    expect(diffFacts(expected, new Set(['table A', 'column A.x integer nullable']))).toEqual([
      'in schema.prisma, not in the database: column A.x integer not null',
      'in the database, not in schema.prisma: column A.x integer nullable',
    ]);
  });
});

describe('schema.prisma and the migrations', () => {
  let db: Awaited<ReturnType<typeof startTestDatabase>>;
  beforeAll(async () => {
    db = await startTestDatabase({ migrate: false });
  });
  afterAll(async () => db?.stop());

  async function factsAfterMigrating(migrationsDir: string) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await applyMigrations(db.url, { migrationsDir });
      return await databaseFacts(client);
    } finally {
      await client.end();
    }
  }

  it('agree: the migrated database has exactly the tables, columns, keys, indexes and foreign keys of schema.prisma', async () => {
    const differences = diffFacts(expectedFacts(readDatamodel()), await factsAfterMigrating(MIGRATIONS_DIR));
    expect(differences, `schema.prisma and prisma/migrations disagree:\n${differences.join('\n')}`).toEqual([]);
  });

  it('would catch a migration that forgot a column or an index', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, copy, { recursive: true });
      const init = path.join(copy, '20261123000000_init', 'migration.sql');
      writeFileSync(
        init,
        readFileSync(init, 'utf8')
          .replace('    "phone" TEXT NOT NULL DEFAULT \'\',\n', '')
          .replace('CREATE INDEX "Show_hostId_idx" ON "Show"("hostId");', ''),
      );
      const differences = diffFacts(expectedFacts(readDatamodel()), await factsAfterMigrating(copy));
      expect(differences).toEqual([
        'in schema.prisma, not in the database: column Address.phone text not null with default',
        'in schema.prisma, not in the database: index Show(hostId)',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
