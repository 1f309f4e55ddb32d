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

function invalid(field: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', `card ${field} invalid`, userMessage);
}

/** Validates a card and returns its digits; throws INVALID_INPUT naming the field that is wrong. */
export function validateCard(card: CardDetails, now: Date = new Date()): string {
  const digits = cardDigits(card.number);
  if (!passesLuhn(digits)) throw invalid('number', 'That card number is not valid. Check it and try again.');
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12)
    throw invalid('expMonth', 'The expiry month must be 1 to 12.');
  if (!Number.isInteger(card.expYear) || card.expYear < 2000 || card.expYear > 2100)
    throw invalid('expYear', 'The expiry year is not valid.');
  // A card is good until the last day of its expiry month.
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (card.expYear < year || (card.expYear === year && card.expMonth < month)) throw invalid('expiry', 'This card has expired.');
  const cvcLength = cardBrand(digits) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) throw invalid('cvc', `The security code is the ${cvcLength} digits on the card.`);
  if (!card.holder.trim()) throw invalid('holder', 'Enter the name on the card.');
  return digits;
}
