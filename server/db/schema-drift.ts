import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

/**
 * Compares schema.prisma with a migrated database without Prisma's schema
 * engine (a download these machines cannot make). Both sides are reduced to the
 * same flat set of sentences — tables, columns with type, nullability and
 * default, enums, keys and indexes by name, foreign keys with their actions —
 * and the difference is listed in plain words.
 *
 * Not compared: CHECK constraints (guards the schema language cannot express),
 * and the name of a foreign key given with `@relation(map: …)`, which Prisma's
 * DMMF does not carry — a relation with `map` would show up as a false
 * difference; keep Prisma's default names.
 */
export type SchemaFacts = Set<string>;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  /** Set when the schema names the index with `map:`. */
  dbName?: string | null;
  fields: { name: string }[];
}
export interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

/** The datamodel as Prisma's own (WASM) schema parser sees it. */
export function readDatamodel(schemaPath = SCHEMA_PATH): Datamodel {
  const schema = readFileSync(schemaPath, 'utf8');
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[path.basename(schemaPath), schema]] }))) as { datamodel: Datamodel })
    .datamodel;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Char: ([n = '1']) => `character(${n})`,
  VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
  Text: () => 'text',
  Uuid: () => 'uuid',
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Boolean: () => 'boolean',
  Date: () => 'date',
  Timestamp: ([p = '3']) => `timestamp(${p}) without time zone`,
  Timestamptz: ([p = '3']) => `timestamp(${p}) with time zone`,
  Decimal: ([p = '65', s = '30']) => `numeric(${p},${s})`,
  DoublePrecision: () => 'double precision',
  Real: () => 'real',
  JsonB: () => 'jsonb',
  Json: () => 'json',
};
// Defaults Prisma Client fills in itself: the database has none for them.
const CLIENT_SIDE_DEFAULTS = new Set(['cuid', 'uuid', 'nanoid', 'ulid']);
const PRISMA_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};
const PG_ACTIONS: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', a: 'NO ACTION', n: 'SET NULL', d: 'SET DEFAULT' };
const POSTGRES_MAX_IDENTIFIER = 63;

/** Prisma's default constraint name: Table_col1_col2_suffix, cut to PostgreSQL's 63 characters. */
export function prismaConstraintName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey'): string {
  const base = suffix === 'pkey' ? table : [table, ...columns].join('_');
  const tail = `_${suffix}`;
  return base.slice(0, POSTGRES_MAX_IDENTIFIER - tail.length) + tail;
}

function columnType(field: DmmfField, enumDbName: (name: string) => string): string {
  if (field.kind === 'enum') return enumDbName(field.type);
  if (field.nativeType) {
    const native = NATIVE_TYPES[field.nativeType[0]];
    return native ? native(field.nativeType[1]) : field.nativeType[0].toLowerCase();
  }
  return SCALAR_TYPES[field.type] ?? field.type;
}

/** The default as a short phrase both sides can produce, or null when the database has none. */
function schemaDefault(field: DmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    const fn = value as { name: string; args?: unknown[] };
    if (CLIENT_SIDE_DEFAULTS.has(fn.name)) return null;
    if (fn.name === 'dbgenerated') return `dbgenerated(${String(fn.args?.[0] ?? '')})`;
    return `${fn.name}()`;
  }
  // A list's default ([]) reads back from PostgreSQL as ARRAY[]::text[]; only the empty list is used.
  if (Array.isArray(value)) return value.length === 0 ? 'ARRAY[]' : JSON.stringify(value);
  // The DMMF gives a BigInt default as a string ("0"); the database gives a number.
  if (typeof value === 'string') return field.type === 'BigInt' ? value : JSON.stringify(value);
  return String(value);
}

/** Reads what pg_get_expr says about a column default back into schemaDefault's terms. */
export function databaseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (/^nextval\(/i.test(expression)) return 'autoincrement()';
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(expression)) return 'now()';
  // Drop the casts PostgreSQL adds: 'USD'::bpchar, 'ACTIVE'::"ProductStatus", ''::text.
  let literal = expression;
  for (let previous = ''; previous !== literal;) {
    previous = literal;
    literal = literal.replace(/::(?:"[^"]+"|[\w ]+)(?:\(\d+(?:,\d+)?\))?(?:\[\])?$/, '');
  }
  const quoted = /^'((?:[^']|'')*)'$/s.exec(literal);
  if (quoted) return JSON.stringify(quoted[1]!.replaceAll("''", "'"));
  if (/^-?\d+(\.\d+)?$/.test(literal)) return String(Number(literal));
  return literal;
}

const list = (columns: string[]) => columns.join(', ');

export function expectedFacts(datamodel: Datamodel): SchemaFacts {
  const facts: SchemaFacts = new Set();
  const modelOf = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: string) => modelOf.get(model)?.dbName ?? model;
  const columnOf = (model: string, field: string) => modelOf.get(model)?.fields.find((f) => f.name === field)?.dbName ?? field;
  const enumDbName = (name: string) => datamodel.enums.find((e) => e.name === name)?.dbName ?? name;

  for (const e of datamodel.enums) facts.add(`enum ${e.dbName ?? e.name} (${list(e.values.map((v) => v.dbName ?? v.name))})`);
  for (const model of datamodel.models) {
    const table = tableOf(model.name);
    facts.add(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (!field.relationFromFields?.length) continue; // the other side of a relation holds the key
        const from = field.relationFromFields.map((f) => columnOf(model.name, f));
        const to = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
        const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
        // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
        const onDelete = PRISMA_ACTIONS[field.relationOnDelete ?? (required ? 'Restrict' : 'SetNull')];
        const onUpdate = PRISMA_ACTIONS[field.relationOnUpdate ?? 'Cascade'];
        const name = prismaConstraintName(table, from, 'fkey');
        facts.add(
          `foreign key ${name} on ${table}(${list(from)}) → ${tableOf(field.type)}(${list(to)}) on delete ${onDelete} on update ${onUpdate}`,
        );
        continue;
      }
      const type = field.isList ? `${columnType(field, enumDbName)}[]` : columnType(field, enumDbName);
      const fallback = schemaDefault(field);
      facts.add(
        `column ${table}.${field.dbName ?? field.name} ${type} ${field.isRequired ? 'not null' : 'nullable'}${fallback ? ` default ${fallback}` : ''}`,
      );
    }
  }
  for (const index of datamodel.indexes) {
    const table = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const [kind, suffix] =
      index.type === 'id'
        ? (['primary key', 'pkey'] as const)
        : index.type === 'unique'
          ? (['unique index', 'key'] as const)
          : (['index', 'idx'] as const);
    facts.add(`${kind} ${index.dbName ?? prismaConstraintName(table, columns, suffix)} on ${table}(${list(columns)})`);
  }
  return facts;
}

export async function databaseFacts(client: pg.Client | pg.PoolClient): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Set();
  const inSchema = `n.nspname = current_schema()`;
  const notBookkeeping = `'_prisma_migrations'`;

  const enums = await client.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE ${inSchema} GROUP BY t.typname`);
  for (const e of enums.rows) facts.add(`enum ${e.name} (${list(e.labels)})`);

  const tables = await client.query<{ table: string }>(`
    SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${inSchema} AND c.relkind IN ('r', 'p') AND c.relname <> ${notBookkeeping}`);
  for (const t of tables.rows) facts.add(`table ${t.table}`);

  const columns = await client.query<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE ${inSchema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> ${notBookkeeping}`);
  for (const c of columns.rows) {
    const fallback = databaseDefault(c.default);
    facts.add(
      `column ${c.table}.${c.column} ${c.type.replaceAll('"', '')} ${c.nullable ? 'nullable' : 'not null'}${fallback ? ` default ${fallback}` : ''}`,
    );
  }

  const indexes = await client.query<{ name: string; table: string; primary: boolean; unique: boolean; columns: string[] }>(`
    SELECT i.relname AS name, t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
           array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
      FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE ${inSchema} AND t.relname <> ${notBookkeeping}`);
  for (const i of indexes.rows)
    facts.add(`${i.primary ? 'primary key' : i.unique ? 'unique index' : 'index'} ${i.name} on ${i.table}(${list(i.columns)})`);

  const foreignKeys = await client.query<{
    name: string;
    table: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT con.conname AS name, cl.relname AS table, ft.relname AS ref_table,
           con.confdeltype AS on_delete, con.confupdtype AS on_update,
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
      FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class ft ON ft.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE con.contype = 'f' AND ${inSchema}`);
  for (const f of foreignKeys.rows) {
    const action = (code: string) => PG_ACTIONS[code] ?? code;
    facts.add(
      `foreign key ${f.name} on ${f.table}(${list(f.columns)}) → ${f.ref_table}(${list(f.ref_columns)}) on delete ${action(f.on_delete)} on update ${action(f.on_update)}`,
    );
  }
  return facts;
}

/** Human-readable differences; empty when the schema and the database agree. */
export function diffFacts(expected: SchemaFacts, actual: SchemaFacts): string[] {
  const missing = [...expected]
    .filter((f) => !actual.has(f))
    .sort()
    .map((f) => `in schema.prisma, not in the database: ${f}`);
  const extra = [...actual]
    .filter((f) => !expected.has(f))
    .sort()
    .map((f) => `in the database, not in schema.prisma: ${f}`);
  return [...missing, ...extra];
}
