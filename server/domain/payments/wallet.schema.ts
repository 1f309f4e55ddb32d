import { z } from 'zod';
import { isCountryCode } from '../countries';
import type { ErrorKey } from '../errors';

const text = (max: number, required: ErrorKey) => z.string().trim().min(1, required).max(max, 'TEXT_TOO_LONG');
const optionalText = (max: number) => z.string().trim().max(max, 'TEXT_TOO_LONG').default('');

export const addressInputSchema = z.object({
  fullName: text(100, 'WALLET_FULL_NAME_REQUIRED'),
  line1: text(200, 'WALLET_LINE1_REQUIRED'),
  line2: optionalText(200),
  city: text(100, 'WALLET_CITY_REQUIRED'),
  region: optionalText(100),
  postalCode: optionalText(20),
  // A code from the country picker, never a name cut to two letters ("Cambodia" is not "CA"):
  // anything that is not an assigned ISO 3166-1 code is refused, never shortened.
  country: z.string().trim().toUpperCase().refine(isCountryCode, 'WALLET_COUNTRY'),
  phone: optionalText(30).refine((p) => /^[+\d\s().-]*$/.test(p), 'WALLET_PHONE'),
});
export type AddressInput = z.input<typeof addressInputSchema>;

/**
 * Card details as a form sends them. Messages never include the value: they
 * are shown next to the field and may be logged.
 */
export const cardInputSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[\d\s-]{12,23}$/, 'WALLET_NUMBER_FORMAT'),
  expMonth: z.coerce
    .number()
    .int('WALLET_MONTH_REQUIRED')
    .min(1, 'CARD_MONTH_RANGE' satisfies ErrorKey)
    .max(12, 'CARD_MONTH_RANGE' satisfies ErrorKey),
  // Cards print two digits; 27 means 2027.
  expYear: z.coerce
    .number()
    .int('WALLET_YEAR_REQUIRED')
    .min(0)
    .max(2100)
    .transform((y) => (y < 100 ? 2000 + y : y)),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, 'WALLET_CVC_FORMAT'),
  holder: z
    .string()
    .trim()
    .min(1, 'CARD_HOLDER_REQUIRED' satisfies ErrorKey)
    .max(100, 'TEXT_TOO_LONG'),
});
export type CardInput = z.input<typeof cardInputSchema>;

export const walletItemIdSchema = z.object({ id: z.string().min(1).max(100) });
