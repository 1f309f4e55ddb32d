// How prices and variant options are written by people: in forms and in CSV
// files. Kept in one place so a catalog exported and imported again is unchanged.
import { currencyFormat } from '../money-format';
import { parseMoney } from '../money-input';

/** Decimals the currency uses (USD 2, KHR 0 in ISO terms, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  return currencyFormat(currency).digits;
}

/** "12.50" for 1250 cents: no symbol and no grouping, so spreadsheets read it as a number. */
export function formatMajorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

/** "12.5" or "12,50" → 1250 for USD, null for what money-input.ts refuses (it says why). */
export function parseMajorUnits(text: string, currency: string): number | null {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.minor : null;
}

export type VariantOptions = Record<string, string>;

/** `Size=M;Colour=Red`, in the order the options were given. */
export function formatOptionsText(options: VariantOptions): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join(';');
}

/** Reads `Size=M; Colour=Red`; null when a part has no name or no "=". */
export function parseOptionsText(text: string): VariantOptions | null {
  const options: VariantOptions = {};
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name || !value || name in options) return null;
    options[name] = value;
  }
  return options;
}
