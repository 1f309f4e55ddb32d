import { describe, expect, it } from 'vitest';
import { moneyRefusal, parseMoney } from './money-input';
import { MoneyInputError, requireMoney } from './money-require';

const usd = (text: string) => parseMoney(text, 'USD');

describe('amounts as people type them', () => {
  it('reads "45,50", "45.50", "1 234,50", "1,234.50" and "$45.50" the same way everywhere', () => {
    expect(usd('45,50')).toEqual({ ok: true, minor: 4550 });
    expect(usd('45.50')).toEqual({ ok: true, minor: 4550 });
    expect(usd('1 234,50')).toEqual({ ok: true, minor: 123450 });
    expect(usd('1\u202f234,50')).toEqual({ ok: true, minor: 123450 });
    expect(usd('1,234.50')).toEqual({ ok: true, minor: 123450 });
    expect(usd('1.234,50')).toEqual({ ok: true, minor: 123450 });
    expect(usd('$45.50')).toEqual({ ok: true, minor: 4550 });
    expect(usd('US$ 45.50')).toEqual({ ok: true, minor: 4550 });
    expect(usd('45.50 USD')).toEqual({ ok: true, minor: 4550 });
    expect(usd('1,234,567')).toEqual({ ok: true, minor: 123456700 });
    expect(usd('45')).toEqual({ ok: true, minor: 4500 });
    expect(usd('45,5')).toEqual({ ok: true, minor: 4550 });
    expect(usd('0,99')).toEqual({ ok: true, minor: 99 });
  });

  it('refuses what could mean two amounts as AMBIGUOUS', () => {
    expect(usd('1,234')).toEqual({ ok: false, problem: 'AMBIGUOUS' });
    expect(usd('1.234')).toEqual({ ok: false, problem: 'AMBIGUOUS' });
  });

  it('refuses malformed input: letters, minus signs, broken groups, another currency’s sign', () => {
    for (const text of ['abc', '-5', '12abc', '1,2.50', '1.234.56', '12 34', '4..5', '€45', '45,50,1'])
      expect(usd(text), text).toEqual({ ok: false, problem: 'MALFORMED' });
    expect(usd('  ')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(usd('0.505')).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
    expect(usd('1234567890123')).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });

  it('takes whole numbers for riel, kip and tugrik, grouped either way', () => {
    // KHR and MNT keep ISO's two stored decimals; LAK none.
    expect(parseMoney('45000', 'KHR')).toEqual({ ok: true, minor: 4_500_000 });
    expect(parseMoney('45,000', 'KHR')).toEqual({ ok: true, minor: 4_500_000 });
    expect(parseMoney('45.000 ៛', 'KHR')).toEqual({ ok: true, minor: 4_500_000 });
    expect(parseMoney('45000.00', 'MNT')).toEqual({ ok: true, minor: 4_500_000 });
    expect(parseMoney('₮12 500', 'MNT')).toEqual({ ok: true, minor: 1_250_000 });
    expect(parseMoney('25000', 'LAK')).toEqual({ ok: true, minor: 25_000 });
    expect(parseMoney('45,50', 'KHR')).toEqual({ ok: false, problem: 'WHOLE_NUMBER' });
    expect(parseMoney('99.5', 'LAK')).toEqual({ ok: false, problem: 'WHOLE_NUMBER' });
  });

  it('refuses with INVALID_AMOUNT naming the field', () => {
    const error = (() => {
      try {
        requireMoney('45,50,1', 'USD', 'Refund amount');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MoneyInputError);
    expect(error).toMatchObject({
      code: 'INVALID_AMOUNT',
      reason: 'AMOUNT_MALFORMED',
      params: { example: '12.50' },
      field: 'Refund amount',
      problem: 'MALFORMED',
    });
    expect(requireMoney('45,50', 'USD', 'Refund amount')).toBe(4550);
  });

  it('refuses an amount with a reason and the values its sentence needs, never an English sentence', () => {
    expect(moneyRefusal('1,234', 'USD', 'AMBIGUOUS')).toEqual({ reason: 'AMOUNT_AMBIGUOUS', params: { text: '1,234', example: '12.50' } });
    expect(moneyRefusal('1.555', 'usd', 'TOO_MANY_DECIMALS')).toEqual({
      reason: 'AMOUNT_DECIMALS',
      params: { currency: 'USD', digits: 2 },
    });
    expect(moneyRefusal('99.5', 'LAK', 'WHOLE_NUMBER')).toEqual({ reason: 'AMOUNT_WHOLE', params: { currency: 'LAK', example: '45000' } });
    expect(moneyRefusal('9'.repeat(20), 'USD', 'TOO_LARGE')).toEqual({ reason: 'AMOUNT_TOO_LARGE', params: undefined });
    expect(requireMoney('45,50', 'USD', 'Refund amount')).toBe(4550);
  });
});
