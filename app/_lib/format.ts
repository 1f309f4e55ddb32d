import { currencyFormat } from '@/server/domain/money-format';

/** Formats minor units (cents, riel, …) in the currency's own number of decimals. */
export function formatPrice(minor: number, currency: string, locale = 'en'): string {
  return currencyFormat(currency, locale).format(minor);
}
