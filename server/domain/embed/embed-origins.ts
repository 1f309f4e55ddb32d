import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

// Which sites may frame a brand's embeddable player. An origin is what a browser compares
// for CSP frame-ancestors and postMessage's targetOrigin: scheme, host and port, nothing else.

export const MAX_EMBED_ORIGINS = 20;

export interface EmbedOriginRules {
  /**
   * http://localhost (127.0.0.1, [::1]) on any port: a developer trying the embed on their own
   * machine. Never on a deployment: there every origin is https, or a network attacker could
   * inject a page that frames the player and receives the hand-off events.
   */
  allowHttpLoopback: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin a brand typed, normalised (lower case, default port dropped), or null when it is not one. */
export function normaliseEmbedOrigin(raw: string, rules: EmbedOriginRules): string | null {
  const text = raw.trim();
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  // A path, query, fragment or credentials means someone pasted a page's address, not an origin:
  // refusing it is clearer than silently keeping part of it.
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  // Wildcards (*.example.com) would suit CSP but not postMessage, which needs one exact origin.
  if (!bare || !/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && rules.allowHttpLoopback && LOOPBACK_HOSTS.has(url.hostname)) return url.origin;
  return null;
}

/** Every origin valid, duplicates dropped, at most MAX_EMBED_ORIGINS; throws EMBED_ORIGIN_INVALID naming the first bad one. */
export function parseEmbedOrigins(raw: readonly string[], rules: EmbedOriginRules): string[] {
  const origins: string[] = [];
  for (const entry of raw) {
    if (entry.trim() === '') continue;
    const origin = normaliseEmbedOrigin(entry, rules);
    if (!origin)
      throw new AppError('EMBED_ORIGIN_INVALID', { origin: entry.trim().slice(0, 200) }, `not an allowed embed origin: ${entry}`);
    if (!origins.includes(origin)) origins.push(origin);
  }
  if (origins.length > MAX_EMBED_ORIGINS)
    throw new AppError('EMBED_ORIGINS_TOO_MANY', { max: MAX_EMBED_ORIGINS }, `${origins.length} embed origins`);
  return origins;
}

/** Stored origins that still pass today's rules (an http://localhost one saved in development does not, once deployed). */
export const liveEmbedOrigins = (stored: readonly string[], rules: EmbedOriginRules): string[] =>
  stored.flatMap((origin) => normaliseEmbedOrigin(origin, rules) ?? []);

export async function getEmbedOrigins(db: Db, actor: Actor, slug: string): Promise<string[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  return embedOriginsOfBrand(db, brand.brandId);
}

export async function embedOriginsOfBrand(db: Db, brandId: string): Promise<string[]> {
  const row = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { embedOrigins: true } });
  return row.embedOrigins;
}

/** Replaces the list; owners only, since it decides which other sites may show the brand's shows and receive its events. */
export async function setEmbedOrigins(
  db: Db,
  actor: Actor,
  slug: string,
  raw: readonly string[],
  rules: EmbedOriginRules,
): Promise<string[]> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  return setEmbedOriginsOfBrand(db, brand.brandId, raw, rules);
}

/** For the API, whose key already names the brand. */
export async function setEmbedOriginsOfBrand(db: Db, brandId: string, raw: readonly string[], rules: EmbedOriginRules): Promise<string[]> {
  const embedOrigins = parseEmbedOrigins(raw, rules);
  await db.brand.update({ where: { id: brandId }, data: { embedOrigins } });
  return embedOrigins;
}
