import { AppError } from '../errors';
import type { CardDetails } from './provider';

// Checks every provider would make before a card is worth sending anywhere.
// Messages never include the number: they end up in logs and on screens.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'card';

export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65)/.test(digits)) return 'discover';
  return 'card';
}

const invalid = (field: string) => `card ${field} invalid`;

/** Validates a card and returns its digits; throws INVALID_INPUT naming the field that is wrong. */
export function validateCard(card: CardDetails, now: Date = new Date()): string {
  const digits = cardDigits(card.number);
  if (!passesLuhn(digits)) throw new AppError('CARD_NUMBER_INVALID', invalid('number'));
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12)
    throw new AppError('CARD_MONTH_RANGE', invalid('expMonth'));
  if (!Number.isInteger(card.expYear) || card.expYear < 2000 || card.expYear > 2100)
    throw new AppError('CARD_YEAR_INVALID', invalid('expYear'));
  // A card is good until the last day of its expiry month.
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (card.expYear < year || (card.expYear === year && card.expMonth < month)) throw new AppError('CARD_EXPIRED', invalid('expiry'));
  const cvcLength = cardBrand(digits) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) throw new AppError('CARD_CVC_DIGITS', { digits: cvcLength }, invalid('cvc'));
  if (!card.holder.trim()) throw new AppError('CARD_HOLDER_REQUIRED', invalid('holder'));
  return digits;
}
