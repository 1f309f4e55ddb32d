import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

/**
 * Compares schema.prisma with a migrated database without Prisma's schema
 * engine (a download these machines cannot make). Both sides are reduced to the
 * same flat list of facts — columns with type, nullability and default, enums,
 * keys, indexes, foreign keys — and the difference is listed in plain words.
 * CHECK constraints are extra guards the schema language cannot express, so
 * they are not compared.
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
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
export interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: DmmfIndex[];
}

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

export function readDatamodel(schemaPath = SCHEMA_PATH): Datamodel {
  const schema = readFileSync(schemaPath, 'utf8');
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[path.basename(schemaPath), schema]] }))) as { datamodel: Datamodel }).datamodel;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Float: 'double precision',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Char: ([n]) => `character(${n})`,
  VarChar: ([n]) => `character varying(${n})`,
  Text: () => 'text',
  Uuid: () => 'uuid',
  Timestamptz: ([p = '3']) => `timestamp(${p}) with time zone`,
};
// Defaults Prisma Client fills in itself: the database has none for them.
const CLIENT_SIDE_DEFAULTS = new Set(['cuid', 'uuid', 'nanoid', 'ulid']);
const ON_DELETE: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };
const PG_ON_DELETE: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', a: 'NO ACTION', n: 'SET NULL', d: 'SET DEFAULT' };

function columnType(field: DmmfField): string {
  if (field.kind === 'enum') return field.type;
  if (field.nativeType) {
    const native = NATIVE_TYPES[field.nativeType[0]];
    if (native) return native(field.nativeType[1]);
    return `${field.nativeType[0].toLowerCase()}`;
  }
  return SCALAR_TYPES[field.type] ?? field.type;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  if (field.default === undefined) return false;
  const d = field.default as { name?: string } | null;
  return !(d && typeof d === 'object' && 'name' in d && CLIENT_SIDE_DEFAULTS.has(String(d.name)));
}

const list = (columns: string[]) => columns.join(', ');

export function expectedFacts(datamodel: Datamodel): SchemaFacts {
  const facts: SchemaFacts = new Set();
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: string, field: string) => {
    const f = datamodel.models.find((m) => m.name === model)?.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };
  for (const e of datamodel.enums) facts.add(`enum ${e.name} (${list(e.values.map((v) => v.name))})`);
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    facts.add(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const from = field.relationFromFields.map((f) => columnOf(model.name, f));
          const to = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
          const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
          const onDelete = ON_DELETE[field.relationOnDelete ?? (required ? 'Restrict' : 'SetNull')];
          facts.add(`foreign key ${table}(${list(from)}) → ${tableOf.get(field.type)}(${list(to)}) on delete ${onDelete}`);
        }
        continue;
      }
      const nullability = field.isRequired ? 'not null' : 'nullable';
      const type = field.isList ? `${columnType(field)}[]` : columnType(field);
      facts.add(`column ${table}.${field.dbName ?? field.name} ${type} ${nullability}${hasDatabaseDefault(field) ? ' with default' : ''}`);
    }
  }
  for (const index of datamodel.indexes) {
    const table = tableOf.get(index.model)!;
    const columns = list(index.fields.map((f) => columnOf(index.model, f.name)));
    const kind = index.type === 'id' ? 'primary key' : index.type === 'unique' ? 'unique index' : 'index';
    facts.add(`${kind} ${table}(${columns})`);
  }
  return facts;
}

export async function databaseFacts(client: pg.Client | pg.PoolClient): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Set();
  const ignored = "'_prisma_migrations'";
  const enums = await client.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`);
  for (const e of enums.rows) facts.add(`enum ${e.name} (${list(e.labels)})`);
  const columns = await client.query<{ table: string; column: string; type: string; nullable: boolean; has_default: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, a.atthasdef AS has_default
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> ${ignored}`);
  for (const c of columns.rows) {
    facts.add(`table ${c.table}`);
    facts.add(`column ${c.table}.${c.column} ${c.type.replaceAll('"', '')} ${c.nullable ? 'nullable' : 'not null'}${c.has_default ? ' with default' : ''}`);
  }
  const indexes = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(`
    SELECT t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
           array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
      FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname <> ${ignored}`);
  for (const i of indexes.rows) facts.add(`${i.primary ? 'primary key' : i.unique ? 'unique index' : 'index'} ${i.table}(${list(i.columns)})`);
  const foreignKeys = await client.query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(`
    SELECT cl.relname AS table, ft.relname AS ref_table, con.confdeltype AS on_delete,
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
      FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class ft ON ft.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()`);
  for (const f of foreignKeys.rows) {
    facts.add(`foreign key ${f.table}(${list(f.columns)}) → ${f.ref_table}(${list(f.ref_columns)}) on delete ${PG_ON_DELETE[f.on_delete] ?? f.on_delete}`);
  }
  return facts;
}

/** Human-readable differences; empty when the schema and the database agree. */
export function diffFacts(expected: SchemaFacts, actual: SchemaFacts): string[] {
  const missing = [...expected].filter((f) => !actual.has(f)).sort().map((f) => `in schema.prisma, not in the database: ${f}`);
  const extra = [...actual].filter((f) => !expected.has(f)).sort().map((f) => `in the database, not in schema.prisma: ${f}`);
  return [...missing, ...extra];
}
