// Currency formatting for the server and the pages alike (no server imports, so
// client components may use it). Building an Intl.NumberFormat costs far more
// than using one, and prices are formatted per item, per render, per receipt:
// one formatter per locale and currency, kept for the life of the process.

export interface CurrencyFormat {
  /** Minor units (cents, riel, …) as the locale writes the amount, symbol included. */
  format(minor: number): string;
  /** Decimals the currency uses (USD 2, KHR 0 in ISO terms, JPY 0, BHD 3). */
  digits: number;
}

const cache = new Map<string, CurrencyFormat>();

export function currencyFormat(currency: string, locale = 'en'): CurrencyFormat {
  const key = `${locale}|${currency}`;
  let entry = cache.get(key);
  if (!entry) {
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    entry = { format: (minor) => formatter.format(minor / 10 ** digits), digits };
    cache.set(key, entry);
  }
  return entry;
}
