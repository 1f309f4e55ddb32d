// Co-hosts: the brand splits a show's commission rate among several hosts, for the whole show and
// optionally per product. The ledger itself is written by database triggers (migration
// 20261209160000_hosts_private) so every way of ordering credits the same shares.
import { z } from 'zod';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';

export const HOSTS_PER_SHOW_MAX = 8;

export const hostShareSchema = z.object({
  hostHandle: z
    .string()
    .trim()
    .toLowerCase()
    .transform((h) => h.replace(/^@/, ''))
    .pipe(z.string().min(1, 'SHOW_HOST_REQUIRED').max(30)),
  /** Null: the whole show; else one product of its lineup. */
  productId: z.string().trim().max(64).nullable().default(null),
  shareBps: z.coerce.number().int().min(0, 'SHOW_COMMISSION_NEGATIVE').max(10_000, 'SHOW_COMMISSION_MAX'),
});
export const hostSharesSchema = z.array(hostShareSchema).max(HOSTS_PER_SHOW_MAX * 51);
export type HostShareInput = z.input<typeof hostShareSchema>;

export interface HostShareView {
  hostId: string;
  hostName: string;
  handle: string | null;
  productId: string | null;
  shareBps: number;
}

const pct = (bps: number) => String(bps / 100);

/**
 * Replaces the show's shares. Each scope (the whole show, or one product) must list a host once
 * and its shares must sum exactly to the show's commission rate (HOST_SHARES_SUM), so a line's
 * commission is split, never grown or shrunk. An empty list goes back to "the host earns it all".
 */
export async function setHostShares(db: Db, actor: Actor, slug: string, showId: string, input: HostShareInput[]): Promise<void> {
  const parsed = hostSharesSchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const brand = await requireBrandMember(db, actor, { slug });
  const show = await db.show.findFirst({
    where: { id: showId, brandId: brand.brandId },
    select: { status: true, commissionRateBps: true, lineup: { select: { productId: true } } },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not in brand ${slug}`);
  if (show.status === 'ENDED' || show.status === 'CANCELLED') throw new AppError('SHOW_NOT_EDITABLE', `show ${showId} is ${show.status}`);
  const handles = [...new Set(parsed.data.map((s) => s.hostHandle))];
  const profiles = await db.influencerProfile.findMany({ where: { handle: { in: handles } }, select: { handle: true, userId: true } });
  const userOf = new Map(profiles.map((p) => [p.handle, p.userId]));
  const lineup = new Set(show.lineup.map((l) => l.productId));
  const scopes = new Map<string, { sum: number; hosts: Set<string> }>();
  for (const share of parsed.data) {
    if (!userOf.has(share.hostHandle)) throw new AppError('HOST_HANDLE_UNKNOWN', { handle: share.hostHandle });
    if (share.productId !== null && !lineup.has(share.productId)) throw new AppError('NOT_IN_LINEUP', `product ${share.productId}`);
    const scope = scopes.get(share.productId ?? '') ?? { sum: 0, hosts: new Set<string>() };
    if (scope.hosts.has(share.hostHandle)) throw new AppError('HOST_SHARE_TWICE', { handle: share.hostHandle });
    scope.hosts.add(share.hostHandle);
    scope.sum += share.shareBps;
    scopes.set(share.productId ?? '', scope);
  }
  for (const { sum } of scopes.values())
    if (sum !== show.commissionRateBps) throw new AppError('HOST_SHARES_SUM', { sum: pct(sum), rate: pct(show.commissionRateBps) });
  await db.$transaction([
    db.showHostShare.deleteMany({ where: { showId } }),
    db.showHostShare.createMany({
      data: parsed.data.map((s) => ({ showId, hostId: userOf.get(s.hostHandle)!, productId: s.productId, shareBps: s.shareBps })),
    }),
  ]);
}

export async function getHostShares(db: Db, actor: Actor, slug: string, showId: string): Promise<HostShareView[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const rows = await db.showHostShare.findMany({
    where: { showId, show: { brandId: brand.brandId } },
    select: { hostId: true, productId: true, shareBps: true, host: { select: { name: true, influencer: { select: { handle: true } } } } },
    orderBy: [{ productId: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((r) => ({
    hostId: r.hostId,
    hostName: r.host.name,
    handle: r.host.influencer?.handle ?? null,
    productId: r.productId,
    shareBps: r.shareBps,
  }));
}

/**
 * The rounding rule the ledger's trigger applies, for callers that preview a split: each share
 * gets floor(total × weight / Σweights), and the units left over go one each to the largest
 * remainders (ties: the earlier key), so the parts always sum exactly to `total`.
 */
export function splitLargestRemainder<K extends string>(total: number, weights: readonly { key: K; weight: number }[]): Map<K, number> {
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  const out = new Map<K, number>();
  if (sum <= 0) return out;
  const parts = weights.map((w) => ({ key: w.key, base: Math.floor((total * w.weight) / sum), rem: (total * w.weight) % sum }));
  let left = total - parts.reduce((s, p) => s + p.base, 0);
  const order = [...parts].sort((a, b) => b.rem - a.rem || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of order) out.set(p.key, p.base + (left-- > 0 ? 1 : 0));
  return out;
}
