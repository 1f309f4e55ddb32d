// Currency formatting for the server and the pages alike (no server imports, so
// client components may use it). Building an Intl.NumberFormat costs far more
// than using one, and prices are formatted per item, per render, per receipt:
// one formatter per locale and currency, kept for the life of the process.
//
// Stored amounts are minor units in the currency's ISO digits as Intl reports
// them for 'en' (USD 2, KHR 2, MNT 2, LAK 0, JPY 0): the checkout, the deal
// form and the CSV export all agree on that, so it never changes here. Only the
// display differs: riel, kip and tugrik are written as whole amounts, because
// nobody prices in their fractions, and every locale gets the same narrow
// symbol ("$", "៛", "₭", "₮") rather than "US$" on one page and "MNT" on another.

export interface CurrencyFormat {
  /** Minor units (cents, riel, …) as the locale writes the amount, symbol included. */
  format(minor: number): string;
  /** Decimals the stored minor units use (USD 2, KHR 2 in ISO terms, JPY 0, BHD 3). */
  digits: number;
}

/** Currencies shown without decimals whatever their ISO minor units. */
export const WHOLE_UNIT_CURRENCIES: ReadonlySet<string> = new Set(['KHR', 'LAK', 'MNT']);

const cache = new Map<string, CurrencyFormat>();

/** Decimals of the stored minor units: ISO's, taken from a locale every runtime has. */
export function storedDigits(currency: string): number {
  return currencyFormat(currency, 'en').digits;
}

export function currencyFormat(currency: string, locale = 'en'): CurrencyFormat {
  const key = `${locale}|${currency}`;
  let entry = cache.get(key);
  if (!entry) {
    // Currency digits are the same in every locale, so the display formatter
    // itself says how many the stored minor units have.
    const natural = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    const iso = natural.resolvedOptions().maximumFractionDigits ?? 2;
    const formatter = WHOLE_UNIT_CURRENCIES.has(currency.toUpperCase())
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay: 'narrowSymbol',
          minimumFractionDigits: 0,
          maximumFractionDigits: 0,
        })
      : natural;
    entry = { format: (minor) => formatter.format(minor / 10 ** iso), digits: iso };
    cache.set(key, entry);
  }
  return entry;
}

/** Drops every cached formatter: after locale data arrives (a polyfill) they would still write the old way. */
export function clearCurrencyFormats(): void {
  cache.clear();
}
