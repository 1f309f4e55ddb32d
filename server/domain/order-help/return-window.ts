// How long after delivery a brand accepts returns (Brand.returnWindowDays, read by the order help's
// return rule). Only the brand's owner changes it, like the other rules buyers are held to.
import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { AppError } from '../errors';

export const RETURN_WINDOW_MAX_DAYS = 365;

// Khmer ០-៩ and Lao ໐-໙ typed on a phone's keyboard mean the same digits.
const asciiDigits = (text: string) =>
  text.replace(/[\u17E0-\u17E9\u0ED0-\u0ED9]/g, (d) => String(d.codePointAt(0)! - (d >= '\u17E0' ? 0x17e0 : 0x0ed0)));

/** The window as typed ("30", "៣០"); 0 means returns are not accepted. */
export function parseReturnWindow(raw: string): number {
  const text = asciiDigits(raw.trim());
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 0 && days <= RETURN_WINDOW_MAX_DAYS)) throw new AppError('RETURN_WINDOW_RANGE', { max: RETURN_WINDOW_MAX_DAYS });
  return days;
}

export async function getReturnWindow(db: Db, actor: Actor, slug: string): Promise<number> {
  const brand = await requireBrandMember(db, actor, { slug });
  const { returnWindowDays } = await db.brand.findUniqueOrThrow({ where: { id: brand.brandId }, select: { returnWindowDays: true } });
  return returnWindowDays;
}

export async function setReturnWindow(db: Db, actor: Actor, slug: string, raw: string): Promise<number> {
  const days = parseReturnWindow(raw);
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  await db.brand.update({ where: { id: brand.brandId }, data: { returnWindowDays: days } });
  return days;
}
