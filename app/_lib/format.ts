/** Formats minor units (cents, riel, …) in the currency's own number of decimals. */
export function formatPrice(minor: number, currency: string, locale = 'en'): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}
