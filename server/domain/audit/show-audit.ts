// The show's audit log: append-only, hash-chained (migration 20261208110000_show_audit_log).
// PostgreSQL computes each entry's hash under the show's lock, so a chain never
// forks however many nodes append at once; this file computes the same hash to
// verify a chain, from the database or from an export, without trusting either.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../db/client';
import { AppError } from '../errors';

export const SHOW_AUDIT_FORMAT = 'show-audit-v1';
export const GENESIS_HASH = '0'.repeat(64);

/** Anything that can run a statement: the caller's transaction, or the client for a lone append. */
export type AuditDb = Pick<Prisma.TransactionClient, '$queryRawUnsafe'>;

export type AuditValue = string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue | undefined };

export interface ShowAuditEntry {
  seq: number;
  kind: string;
  /** ISO 8601 UTC with milliseconds, as hashed. */
  at: string;
  /** JSON text, exactly as hashed. */
  data: string;
  prevHash: string;
  hash: string;
}

const KIND = /^[a-z]+(\.[a-zA-Z]+)+$/;

/**
 * JSON with object keys in code-unit order and no whitespace: the same data always
 * gives the same text. `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: AuditValue | undefined): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new AppError('INTERNAL', 'audit data must be finite');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v: AuditValue) => canonicalJson(v)).join(',')}]`;
  const record = value as { readonly [key: string]: AuditValue | undefined };
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

/** The text an entry's hash is taken over (docs/api-and-webhooks.md, "Show audit log"). */
export function canonicalForm(showId: string, entry: Omit<ShowAuditEntry, 'hash'>): string {
  return [SHOW_AUDIT_FORMAT, showId, String(entry.seq), entry.kind, entry.at, entry.prevHash, entry.data].join('\n');
}

export function entryHash(showId: string, entry: Omit<ShowAuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalForm(showId, entry), 'utf8').digest('hex');
}

/**
 * Appends one entry inside the caller's transaction: it commits (and holds its
 * place in the chain) only if the change it records commits.
 */
export async function appendShowAudit(
  tx: AuditDb,
  showId: string,
  kind: string,
  data: { readonly [key: string]: AuditValue | undefined },
): Promise<{ seq: number; hash: string; at: string }> {
  if (!KIND.test(kind)) throw new AppError('INTERNAL', `audit kind ${kind} is not dotted lower camel case`);
  const rows = await tx.$queryRawUnsafe<{ r: { seq: number; hash: string; at: string } }[]>(
    'SELECT "append_show_audit"($1, $2, $3) AS r',
    showId,
    kind,
    canonicalJson(data),
  );
  return rows[0]!.r;
}

export type ChainVerdict =
  { ok: true; count: number; head: string } | { ok: false; seq: number; problem: 'SEQ_GAP' | 'BROKEN_LINK' | 'HASH_MISMATCH' | 'NOT_JSON' };

/** Re-computes the chain from its entries alone, in seq order; the first bad entry is named. */
export function verifyChain(showId: string, entries: readonly ShowAuditEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) return { ok: false, seq: entry.seq, problem: 'SEQ_GAP' };
    if (entry.prevHash !== prev) return { ok: false, seq: entry.seq, problem: 'BROKEN_LINK' };
    try {
      JSON.parse(entry.data);
    } catch {
      return { ok: false, seq: entry.seq, problem: 'NOT_JSON' };
    }
    if (entryHash(showId, entry) !== entry.hash) return { ok: false, seq: entry.seq, problem: 'HASH_MISMATCH' };
    prev = entry.hash;
  }
  return { ok: true, count: entries.length, head: prev };
}

/**
 * Chains the show's stock changes still waiting in ShowAuditPending (a sale writes
 * its entry there, without the show's lock: migration 20261210010000). Answers how many.
 */
export async function flushShowAudit(db: AuditDb, showId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>('SELECT "show_audit_flush"($1) AS n', showId);
  return rows[0]?.n ?? 0;
}

/** The job runner's sweep: chains every show's pending entries, one show per statement (each its own lock). */
export async function flushPendingShowAudits(db: AuditDb): Promise<number> {
  const shows = await db.$queryRawUnsafe<{ showId: string }[]>('SELECT DISTINCT "showId" FROM "ShowAuditPending" ORDER BY 1');
  let chained = 0;
  for (const { showId } of shows) chained += await flushShowAudit(db, showId);
  return chained;
}

/** The show's entries in chain order, as stored; its pending stock changes are chained first. */
export async function readShowAudit(db: AuditDb, showId: string): Promise<ShowAuditEntry[]> {
  await flushShowAudit(db, showId);
  const rows = await db.$queryRawUnsafe<ShowAuditEntry[]>(
    `SELECT "seq", "kind", to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", "data", "prevHash", "hash"
       FROM "ShowAuditEntry" WHERE "showId" = $1 ORDER BY "seq"`,
    showId,
  );
  return rows;
}

export async function verifyShowAudit(db: AuditDb, showId: string): Promise<ChainVerdict> {
  return verifyChain(showId, await readShowAudit(db, showId));
}
