// Emails go out in the recipient's stored language (User.locale), English when
// none is stored. The list matches the pages' locales (app/_i18n/locales.ts;
// a unit test keeps the two equal) without the server importing page code.
import { en, type EmailWords } from './en';
import { km } from './km';
import { lo } from './lo';
import { mn } from './mn';

export const EMAIL_LOCALES = ['en', 'km', 'lo', 'mn'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

const WORDS: Record<EmailLocale, EmailWords> = { en, km, lo, mn };

/** The BCP 47 tag for Intl (Node ships full ICU, so these always have their data on the server). */
export const EMAIL_INTL: Record<EmailLocale, string> = { en: 'en', km: 'km-KH', lo: 'lo-LA', mn: 'mn-MN' };

export function emailLocale(stored: string | null | undefined): EmailLocale {
  return (EMAIL_LOCALES as readonly string[]).includes(stored ?? '') ? (stored as EmailLocale) : 'en';
}

export function emailWords(locale: EmailLocale): EmailWords {
  return WORDS[locale];
}

export type { EmailWords };
