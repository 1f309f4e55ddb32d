import { afterEach, describe, expect, it } from 'vitest';
import { formatPrice } from '../../app/_lib/format';
import { currencyDigits } from './catalog';
import { currencyFormat } from './money-format';

const Original = Intl.NumberFormat;
afterEach(() => {
  Intl.NumberFormat = Original;
});

describe('money formatting', () => {
  it('builds one Intl.NumberFormat per locale and currency however many amounts it formats', () => {
    let built = 0;
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built++;
      }
    } as typeof Intl.NumberFormat;
    for (let i = 0; i < 200; i++) {
      formatPrice(1250 + i, 'CHF', 'fr');
      currencyDigits('KWD');
    }
    expect(built).toBe(2);
  });

  it('writes each currency in its own decimals and the locale’s way', () => {
    expect(formatPrice(1250, 'USD')).toBe('$12.50');
    expect(currencyFormat('JPY').digits).toBe(0);
    expect(formatPrice(1250, 'JPY')).toBe('¥1,250');
    expect(currencyFormat('BHD').digits).toBe(3);
    expect(formatPrice(1250, 'USD', 'de')).toBe(formatPrice(1250, 'USD', 'de'));
    expect(formatPrice(1250, 'USD', 'de')).not.toBe(formatPrice(1250, 'USD', 'en'));
  });
});

describe('one way to write money in every language', () => {
  const tags = { en: 'en', km: 'km-KH', lo: 'lo-LA', mn: 'mn-MN' } as const;

  it('riel, kip and tugrik have no decimals on display while their stored minor units stay ISO’s', () => {
    // KHR and MNT are stored in hundredths (ISO), LAK in whole kip; only the display rounds.
    expect(currencyFormat('KHR').digits).toBe(2);
    expect(currencyFormat('MNT').digits).toBe(2);
    expect(currencyFormat('LAK').digits).toBe(0);
    for (const tag of Object.values(tags)) {
      expect(formatPrice(4_000_000, 'KHR', tag)).not.toMatch(/[.,]00(?!\d)/);
      expect(formatPrice(4_000_000, 'KHR', tag)).toContain('៛');
      expect(formatPrice(1_250_000, 'MNT', tag)).toContain('₮');
      expect(formatPrice(1_250_000, 'MNT', tag)).not.toMatch(/MNT|[.,]00(?!\d)/);
      expect(formatPrice(85_000, 'LAK', tag)).toContain('₭');
    }
    expect(formatPrice(4_000_000, 'KHR', 'km-KH')).toBe('40,000៛');
    expect(formatPrice(1_250_000, 'MNT', 'mn-MN')).toBe('₮\u00a012,500');
    expect(formatPrice(1_250_000, 'MNT', 'en')).toBe('₮12,500');
  });

  it('US dollars read with a plain $ and two decimals in each of our languages, never US$', () => {
    expect(formatPrice(3200, 'USD', 'en')).toBe('$32.00');
    expect(formatPrice(3200, 'USD', 'km-KH')).toBe('32.00$');
    expect(formatPrice(3200, 'USD', 'lo-LA')).toBe('$32,00');
    expect(formatPrice(3200, 'USD', 'mn-MN')).toBe('$\u00a032.00');
    for (const tag of Object.values(tags)) expect(formatPrice(7000, 'USD', tag)).not.toContain('US$');
  });
});
