import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requireBrandMember } from '../domain/brands';
import type { Actor, Db } from '../domain/context';
import { AppError, invalidField } from '../domain/errors';
import { API_SCOPES, type ApiScope } from './scopes';

// API keys look like `lc_live_<43 random base64url characters>`. Only a SHA-256
// of the key is stored: looking a key up by its hash is the comparison, so no
// secret is ever compared byte by byte in our code, and a database leak does not
// leak usable keys. The first characters are kept as a prefix so people can tell
// keys apart. A key belongs to one brand; owners create and revoke keys.

const KEY_PREFIX = 'lc_live_';
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;
/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const apiScopeSchema = z.enum(API_SCOPES);

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, 'DEVELOPER_KEY_NAME_REQUIRED').max(80, 'DEVELOPER_KEY_NAME_TOO_LONG'),
  scopes: z
    .array(apiScopeSchema, { error: 'DEVELOPER_SCOPES_CHOOSE' })
    .min(1, 'DEVELOPER_SCOPES_MIN')
    .transform((scopes) => [...new Set(scopes)]),
});
export type ApiKeyInput = z.input<typeof apiKeyInputSchema>;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** Who is calling the API: one brand, through one key, with these scopes. */
export interface ApiPrincipal {
  keyId: string;
  brandId: string;
  scopes: ReadonlySet<string>;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key; the full key is answered here once and cannot be recovered later. */
export async function createApiKey(
  db: Db,
  actor: Actor,
  slug: string,
  raw: ApiKeyInput,
): Promise<{ id: string; key: string; prefix: string }> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  const parsed = apiKeyInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, SHOWN_PREFIX_LENGTH);
  const row = await db.apiKey.create({
    data: {
      brandId: access.brandId,
      name: parsed.data.name,
      scopes: parsed.data.scopes,
      prefix,
      keyHash: hashApiKey(key),
      createdById: actor.userId,
    },
    select: { id: true },
  });
  return { id: row.id, key, prefix };
}

export async function listApiKeys(db: Db, actor: Actor, slug: string): Promise<ApiKeyRow[]> {
  const access = await requireBrandMember(db, actor, { slug });
  const rows = await db.apiKey.findMany({
    where: { brandId: access.brandId },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: { id: true, name: true, prefix: true, scopes: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
  return rows.map((row) => ({
    ...row,
    scopes: row.scopes.filter((s): s is ApiScope => apiScopeSchema.safeParse(s).success),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Revoked keys are refused at once and stay listed as revoked. */
export async function revokeApiKey(db: Db, actor: Actor, slug: string, keyId: string): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, brandId: access.brandId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0 && !(await db.apiKey.findFirst({ where: { id: keyId, brandId: access.brandId }, select: { id: true } }))) {
    throw new AppError('API_KEY_NOT_FOUND', `api key ${keyId} not in this brand`);
  }
}

/** The principal for an `Authorization: Bearer lc_live_…` header; UNAUTHENTICATED for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: Db, authorization: string | null, now = new Date()): Promise<ApiPrincipal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const key = match?.[1];
  if (!key || !key.startsWith(KEY_PREFIX)) throw new AppError('API_KEY_MISSING', 'missing or malformed API key');
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, brandId: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw new AppError('API_KEY_INVALID', `unknown or revoked API key ${key.slice(0, SHOWN_PREFIX_LENGTH)}`);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests write it once.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS + 1) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { keyId: row.id, brandId: row.brandId, scopes: new Set(row.scopes) };
}
