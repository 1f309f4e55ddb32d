import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase } from '../../test/support/database';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from './migrate';
import {
  databaseDefault,
  databaseFacts,
  diffFacts,
  expectedFacts,
  prismaConstraintName,
  readDatamodel,
  type Datamodel,
} from './schema-drift';

const tinyModel: Datamodel = {
  models: [
    {
      name: 'Thing',
      dbName: null,
      fields: [
        { name: 'id', kind: 'scalar', type: 'String', isRequired: true, isList: false, default: { name: 'cuid', args: [] } },
        { name: 'count', kind: 'scalar', type: 'Int', isRequired: true, isList: false, default: 0 },
        // The DMMF hands a BigInt default over as a string.
        { name: 'bytes', kind: 'scalar', type: 'BigInt', isRequired: true, isList: false, default: '0' },
        { name: 'note', kind: 'scalar', type: 'String', isRequired: false, isList: false, nativeType: ['Char', ['2']] },
      ],
    },
  ],
  enums: [],
  indexes: [{ model: 'Thing', type: 'id', fields: [{ name: 'id' }] }],
};

describe('schema drift comparator', () => {
  it('describes a model as columns with type, nullability and database default, and its keys by Prisma name', () => {
    expect([...expectedFacts(tinyModel)].sort()).toEqual(
      [
        'table Thing',
        'column Thing.id text not null', // cuid() is filled in by Prisma Client, not the database
        'column Thing.count integer not null default 0',
        'column Thing.bytes bigint not null default 0',
        'column Thing.note character(2) nullable',
        'primary key Thing_pkey on Thing(id)',
      ].sort(),
    );
  });

  it('names keys, indexes and foreign keys as Prisma does, and applies its default referential actions', () => {
    const model: Datamodel = {
      enums: [{ name: 'Kind', values: [{ name: 'A' }, { name: 'B' }] }],
      models: [
        {
          name: 'Parent',
          dbName: null,
          fields: [
            { name: 'id', kind: 'scalar', type: 'Int', isRequired: true, isList: false, default: { name: 'autoincrement', args: [] } },
          ],
        },
        {
          name: 'Child',
          dbName: null,
          fields: [
            { name: 'parentId', kind: 'scalar', type: 'Int', isRequired: false, isList: false },
            { name: 'kind', kind: 'enum', type: 'Kind', isRequired: true, isList: false, default: 'A' },
            {
              name: 'parent',
              kind: 'object',
              type: 'Parent',
              isRequired: false,
              isList: false,
              relationFromFields: ['parentId'],
              relationToFields: ['id'],
            },
          ],
        },
      ],
      indexes: [
        { model: 'Parent', type: 'id', fields: [{ name: 'id' }] },
        { model: 'Child', type: 'unique', fields: [{ name: 'parentId' }, { name: 'kind' }] },
        { model: 'Child', type: 'normal', dbName: 'custom_name', fields: [{ name: 'kind' }] },
      ],
    };
    expect([...expectedFacts(model)].sort()).toEqual(
      [
        'enum Kind (A, B)',
        'table Parent',
        'table Child',
        'column Parent.id integer not null default autoincrement()',
        'column Child.parentId integer nullable',
        'column Child.kind Kind not null default "A"',
        'foreign key Child_parentId_fkey on Child(parentId) → Parent(id) on delete SET NULL on update CASCADE',
        'primary key Parent_pkey on Parent(id)',
        'unique index Child_parentId_kind_key on Child(parentId, kind)',
        'index custom_name on Child(kind)',
      ].sort(),
    );
  });

  it('cuts long default names to 63 characters, keeping the suffix', () => {
    const name = prismaConstraintName('OrderItem', ['aVeryLongColumnNameIndeed', 'anotherVeryLongColumnName', 'third'], 'idx');
    expect(name).toHaveLength(63);
    expect(name).toBe('OrderItem_aVeryLongColumnNameIndeed_anotherVeryLongColumnNa_idx');
  });

  it("reads PostgreSQL's default expressions back into the schema's terms", () => {
    expect(databaseDefault(`nextval('"Order_number_seq"'::regclass)`)).toBe('autoincrement()');
    expect(databaseDefault('CURRENT_TIMESTAMP')).toBe('now()');
    expect(databaseDefault(`'USD'::bpchar`)).toBe('"USD"');
    expect(databaseDefault(`'ACTIVE'::"ProductStatus"`)).toBe('"ACTIVE"');
    expect(databaseDefault(`'it''s'::text`)).toBe(`"it's"`);
    expect(databaseDefault('false')).toBe('false');
    expect(databaseDefault('0')).toBe('0');
    expect(databaseDefault(null)).toBeNull();
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

  it('would catch a migration that forgot a column or an index, misnamed a key, or took the wrong action or default', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, copy, { recursive: true });
      const init = path.join(copy, readMigrations(copy)[0]!.name, 'migration.sql');
      const edits: [string, string][] = [
        ['    "phone" TEXT NOT NULL DEFAULT \'\',\n', ''],
        ['CREATE INDEX "Show_hostId_idx" ON "Show"("hostId");', ''],
        ['CREATE UNIQUE INDEX "User_email_key"', 'CREATE UNIQUE INDEX "User_email_unique"'],
        [
          '"Show_pinnedProductId_fkey" FOREIGN KEY ("pinnedProductId") REFERENCES "Product"("id") ON DELETE SET NULL',
          '"Show_pinnedProductId_fkey" FOREIGN KEY ("pinnedProductId") REFERENCES "Product"("id") ON DELETE CASCADE',
        ],
        ['"currency" CHAR(3) NOT NULL DEFAULT \'USD\'', '"currency" CHAR(3) NOT NULL DEFAULT \'EUR\''],
      ];
      let sql = readFileSync(init, 'utf8');
      for (const [from, to] of edits) {
        expect(sql, `the test's edit no longer matches the migration: ${from}`).toContain(from);
        sql = sql.replace(from, to);
      }
      writeFileSync(init, sql);
      const differences = diffFacts(expectedFacts(readDatamodel()), await factsAfterMigrating(copy));
      expect(differences).toEqual([
        'in schema.prisma, not in the database: column Address.phone text not null default ""',
        'in schema.prisma, not in the database: column Brand.currency character(3) not null default "USD"',
        'in schema.prisma, not in the database: foreign key Show_pinnedProductId_fkey on Show(pinnedProductId) → Product(id) on delete SET NULL on update CASCADE',
        'in schema.prisma, not in the database: index Show_hostId_idx on Show(hostId)',
        'in schema.prisma, not in the database: unique index User_email_key on User(email)',
        'in the database, not in schema.prisma: column Brand.currency character(3) not null default "EUR"',
        'in the database, not in schema.prisma: foreign key Show_pinnedProductId_fkey on Show(pinnedProductId) → Product(id) on delete CASCADE on update CASCADE',
        'in the database, not in schema.prisma: unique index User_email_unique on User(email)',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
