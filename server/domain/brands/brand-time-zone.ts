// The zone a brand's show times are entered and read in (Brand.timeZone). Shows are stored as
// instants, so changing the zone moves no show: their times are read in the new zone from then on.
import type { Actor, Db } from '../context';
import { requireBrandMember } from './brand-access';
import { AppError } from '../errors';

/** An IANA zone this runtime knows ("Asia/Ulaanbaatar"); aliases it resolves count too. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function getBrandTimeZone(db: Db, actor: Actor, slug: string): Promise<string> {
  return (await requireBrandMember(db, actor, { slug })).timeZone;
}

/** Only the owner moves the brand's clock, as with the other rules the whole team works by. */
export async function setBrandTimeZone(db: Db, actor: Actor, slug: string, zone: string): Promise<string> {
  const timeZone = zone.trim();
  if (!timeZone || !isTimeZone(timeZone)) throw new AppError('NEW_BRAND_TIME_ZONE_RULE', `unknown time zone ${zone}`);
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  await db.brand.update({ where: { id: brand.brandId }, data: { timeZone } });
  return timeZone;
}
