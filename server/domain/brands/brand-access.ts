import { AppError } from '../errors';
import type { Actor, Db } from '../context';

export type BrandRole = 'OWNER' | 'STAFF';

export interface BrandAccess {
  brandId: string;
  slug: string;
  name: string;
  currency: string;
  timeZone: string;
  role: BrandRole;
}

/**
 * The one gate for every brand-side read or write. A non-member gets NOT_FOUND,
 * not FORBIDDEN: a member of brand A must not learn which slugs or ids brand B has.
 */
export async function requireBrandMember(
  db: Db,
  actor: Actor,
  brand: { slug: string } | { id: string },
  opts: { owner?: boolean } = {},
): Promise<BrandAccess> {
  const row = await db.brand.findUnique({
    where: 'slug' in brand ? { slug: brand.slug } : { id: brand.id },
    select: {
      id: true,
      slug: true,
      name: true,
      currency: true,
      timeZone: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
    },
  });
  const membership = row?.members[0];
  if (!row || !membership) throw new AppError('BRAND_NOT_FOUND', `user ${actor.userId} is not a member of brand ${JSON.stringify(brand)}`);
  if (opts.owner && membership.role !== 'OWNER')
    throw new AppError('OWNER_ONLY', `user ${actor.userId} is staff of ${row.slug}, not owner`);
  return { brandId: row.id, slug: row.slug, name: row.name, currency: row.currency, timeZone: row.timeZone, role: membership.role };
}

/** The brands a person works for, for the dashboard's brand switcher. */
export async function listMyBrands(db: Db, actor: Actor): Promise<{ slug: string; name: string; role: BrandRole }[]> {
  const rows = await db.brandMember.findMany({
    where: { userId: actor.userId },
    select: { role: true, brand: { select: { slug: true, name: true } } },
    orderBy: { brand: { name: 'asc' } },
  });
  return rows.map((r) => ({ slug: r.brand.slug, name: r.brand.name, role: r.role }));
}
