// A brand's web address (/brands/<slug>): suggested from its name as the
// person types, checked for availability before they submit, and refused with
// BRAND_ADDRESS_TAKEN when in use. Pure except checkBrandAddress: the form
// imports slugFromName in the browser.
import { z } from 'zod';
import type { Db } from '../context';

export const BRAND_ADDRESS_RULE = 'NEW_BRAND_SLUG_RULE';
export const brandAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, BRAND_ADDRESS_RULE);

export { slugFromName } from '../slug';

export type BrandAddressCheck = { slug: string; status: 'AVAILABLE' | 'TAKEN' | 'INVALID' };

/** Whether a brand could take this address now (creating it checks again: two people may want it at once). */
export async function checkBrandAddress(db: Db, text: string): Promise<BrandAddressCheck> {
  const parsed = brandAddressSchema.safeParse(text);
  if (!parsed.success) return { slug: text.trim().toLowerCase(), status: 'INVALID' };
  const taken = await db.brand.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  return { slug: parsed.data, status: taken ? 'TAKEN' : 'AVAILABLE' };
}
