// A brand's web address (/brands/<slug>): suggested from its name as the
// person types, checked for availability before they submit, and refused with
// BRAND_ADDRESS_TAKEN when in use. Pure except checkBrandAddress: the form
// imports slugFromName in the browser.
import { z } from 'zod';
import type { Db } from './context';

export const BRAND_ADDRESS_RULE = 'Use 3–40 lowercase letters, digits or dashes.';
export const brandAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, BRAND_ADDRESS_RULE);

// Letters NFKD does not take apart, and Cyrillic (Mongolian's ө and ү included), written in Latin letters.
const LATIN: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** "Glow Lab" → "glow-lab", "Crème Brûlée Co." → "creme-brulee-co", "Өглөө Цэцэг" → "ogloo-tsetseg"; "" when nothing Latin is left. */
export function slugFromName(name: string): string {
  const latin = [...name.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export type BrandAddressCheck = { slug: string; status: 'AVAILABLE' | 'TAKEN' | 'INVALID' };

/** Whether a brand could take this address now (creating it checks again: two people may want it at once). */
export async function checkBrandAddress(db: Db, text: string): Promise<BrandAddressCheck> {
  const parsed = brandAddressSchema.safeParse(text);
  if (!parsed.success) return { slug: text.trim().toLowerCase(), status: 'INVALID' };
  const taken = await db.brand.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  return { slug: parsed.data, status: taken ? 'TAKEN' : 'AVAILABLE' };
}
