// What search engines may list: public pages only. Private and unlisted shows, rehearsals' waiting
// rooms, cancelled shows, deleted hosts and products not on sale never appear (show-access's rule).
import type { Db } from '../context';
import { discoverableShow, replayableShow } from '../shows';

/** Enough for one sitemap file (the protocol allows 50,000 URLs per file). */
const MAX_PER_KIND = 10_000;

export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

export async function sitemapEntries(db: Db): Promise<SitemapEntry[]> {
  const [onAir, replays, brands, hosts, products] = await Promise.all([
    db.show.findMany({
      where: { ...discoverableShow, status: { in: ['LIVE', 'SCHEDULED'] } },
      select: { id: true, scheduledStart: true, startedAt: true },
      orderBy: { scheduledStart: 'desc' },
      take: MAX_PER_KIND,
    }),
    db.show.findMany({
      where: { ...discoverableShow, ...replayableShow },
      select: { id: true, endedAt: true },
      orderBy: { endedAt: 'desc' },
      take: MAX_PER_KIND,
    }),
    db.brand.findMany({ select: { slug: true }, orderBy: { slug: 'asc' }, take: MAX_PER_KIND }),
    db.influencerProfile.findMany({
      where: { user: { deletedAt: null } },
      select: { handle: true },
      orderBy: { handle: 'asc' },
      take: MAX_PER_KIND,
    }),
    db.product.findMany({
      where: { status: 'ACTIVE' },
      select: { id: true, updatedAt: true },
      orderBy: { updatedAt: 'desc' },
      take: MAX_PER_KIND,
    }),
  ]);
  return [
    { path: '/', lastModified: null },
    { path: '/live', lastModified: null },
    ...onAir.map((s) => ({ path: `/shows/${s.id}`, lastModified: s.startedAt ?? s.scheduledStart })),
    ...replays.map((s) => ({ path: `/shows/${s.id}`, lastModified: s.endedAt })),
    ...brands.map((b) => ({ path: `/brands/${b.slug}`, lastModified: null })),
    ...hosts.map((h) => ({ path: `/hosts/${h.handle}`, lastModified: null })),
    ...products.map((p) => ({ path: `/products/${p.id}`, lastModified: p.updatedAt })),
  ];
}
