import { afterEach, describe, expect, it } from 'vitest';
import { formatPrice } from '../../app/_lib/format';
import { currencyDigits } from './catalog-format';
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
