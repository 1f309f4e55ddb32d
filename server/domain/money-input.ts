// How people type amounts of money, in every form that takes one (prices,
// coupon amounts, shipping rates, deal prices, refunds) and in catalog CSV
// files: "45.50", "45,50", "1 234,50", "1,234.50", "$45.50". One parser, so
// every field accepts and refuses the same things. Pure (no server imports):
// client components use it too, so its refusal as an AppError lives in
// money-require.ts (AppError brings every English error sentence along).
import type { ParamsOf } from './errors';
import { currencyFormat, WHOLE_UNIT_CURRENCIES } from './money-format';

export type MoneyProblem = 'EMPTY' | 'MALFORMED' | 'AMBIGUOUS' | 'TOO_MANY_DECIMALS' | 'WHOLE_NUMBER' | 'TOO_LARGE';

export type MoneyParse = { ok: true; minor: number } | { ok: false; problem: MoneyProblem };

const MAX_INTEGER_DIGITS = 12;
const signs = new Map<string, string[]>();

/** What may stand before or after an amount in this currency: its code and its signs ("USD", "US$", "$"), never another currency's. */
function currencySigns(currency: string): string[] {
  const code = currency.toUpperCase();
  let found = signs.get(code);
  if (!found) {
    // en-CA writes "US$", as some pages in other languages did.
    const written = ['en', 'en-CA', 'km', 'lo', 'mn'].flatMap((locale) =>
      (['symbol', 'narrowSymbol'] as const).map(
        (display) =>
          new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: display })
            .formatToParts(0)
            .find((p) => p.type === 'currency')?.value,
      ),
    );
    found = [...new Set([code, ...written].filter((v): v is string => !!v))].sort((a, b) => b.length - a.length);
    signs.set(code, found);
  }
  return found;
}

function withoutSign(text: string, currency: string): string {
  let s = text;
  for (const sign of currencySigns(currency)) {
    if (s.toUpperCase().startsWith(sign.toUpperCase())) {
      s = s.slice(sign.length).trimStart();
      break;
    }
  }
  for (const sign of currencySigns(currency)) {
    if (s.toUpperCase().endsWith(sign.toUpperCase())) {
      s = s.slice(0, -sign.length).trimEnd();
      break;
    }
  }
  return s;
}

/**
 * "1 234,50" → 123450 for USD. The last of "." and "," is the decimal mark;
 * the integer part may be grouped by thousands with one other mark (",", ".",
 * a space or '). A lone mark followed by exactly three digits ("1,234") is
 * refused as AMBIGUOUS (a thousand, or one and a bit?) unless the currency
 * has no fractions to write. Riel, kip and tugrik take whole amounts ("45000"
 * or "45000.00"). Digits are read as text, so no float rounding reaches a price.
 */
export function parseMoney(text: string, currency: string): MoneyParse {
  if (text.trim() === '') return { ok: false, problem: 'EMPTY' };
  const s = withoutSign(text.replace(/[\u00a0\u202f\u2009]/g, ' ').trim(), currency);
  if (!/^\d[\d., ']*$/.test(s)) return { ok: false, problem: 'MALFORMED' };
  const digits = currencyFormat(currency).digits;
  const whole = WHOLE_UNIT_CURRENCIES.has(currency.toUpperCase()) || digits === 0;
  const split = splitAmount(s, whole);
  if (!split) return { ok: false, problem: 'MALFORMED' };
  if (split === 'AMBIGUOUS') return { ok: false, problem: 'AMBIGUOUS' };
  const integer = split.integer.replace(/[., ']/g, '');
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'TOO_LARGE' };
  if (whole && /[1-9]/.test(split.fraction)) return { ok: false, problem: 'WHOLE_NUMBER' };
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, problem: 'TOO_MANY_DECIMALS' };
  const minor = Number(integer) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? { ok: true, minor } : { ok: false, problem: 'TOO_LARGE' };
}

/** The integer part (still grouped) and the fraction, or null when the marks make no sense. */
function splitAmount(s: string, whole: boolean): { integer: string; fraction: string } | 'AMBIGUOUS' | null {
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let integer = s;
  let fraction = '';
  if (last >= 0) {
    const mark = s[last]!;
    const repeated = s.indexOf(mark) !== last;
    const otherMarks = /[., ']/.test(s.slice(0, last).replaceAll(mark, ''));
    if (repeated && !otherMarks) {
      // "1,234,567": grouping only.
      integer = s;
    } else if (!repeated && !otherMarks && /^[1-9]\d{0,2}[.,]\d{3}$/.test(s)) {
      if (!whole) return 'AMBIGUOUS';
      integer = s;
    } else {
      integer = s.slice(0, last);
      fraction = s.slice(last + 1);
      if (!/^\d*$/.test(fraction)) return null;
    }
  }
  if (/^\d+$/.test(integer)) return { integer, fraction };
  // Grouped by thousands with one kind of mark: "1 234", "1.234.567", "12'500".
  const group = /[., ']/.exec(integer)![0];
  const grouped = new RegExp(`^[1-9]\\d{0,2}(?:${group === '.' ? '\\.' : group}\\d{3})+$`);
  return grouped.test(integer) ? { integer, fraction } : null;
}

/** An amount written the way the fields ask for it: "12.50", or "45000" where the currency has no fractions. */
export function moneyExample(currency: string): string {
  const digits = currencyFormat(currency).digits;
  if (WHOLE_UNIT_CURRENCIES.has(currency.toUpperCase()) || digits === 0) return '45000';
  return `12.${'5'.padEnd(digits, '0')}`;
}

export type AmountReason = 'AMOUNT_MALFORMED' | 'AMOUNT_AMBIGUOUS' | 'AMOUNT_DECIMALS' | 'AMOUNT_WHOLE' | 'AMOUNT_TOO_LARGE';

/** Why an amount was refused, as a reason and the values its sentence needs; forms show it beside the field, in the reader's language. */
export type MoneyRefusal = { [R in AmountReason]: { reason: R; params: ParamsOf<R> } }[AmountReason];

export function moneyRefusal(text: string, currency: string, problem: MoneyProblem): MoneyRefusal {
  const example = moneyExample(currency);
  const code = currency.toUpperCase();
  switch (problem) {
    case 'EMPTY':
    case 'MALFORMED':
      return { reason: 'AMOUNT_MALFORMED', params: { example } };
    case 'AMBIGUOUS':
      return { reason: 'AMOUNT_AMBIGUOUS', params: { text: text.trim(), example } };
    case 'TOO_MANY_DECIMALS':
      return { reason: 'AMOUNT_DECIMALS', params: { currency: code, digits: currencyFormat(currency).digits } };
    case 'WHOLE_NUMBER':
      return { reason: 'AMOUNT_WHOLE', params: { currency: code, example } };
    case 'TOO_LARGE':
      return { reason: 'AMOUNT_TOO_LARGE', params: undefined };
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}
