// Emails go out in the recipient's stored language (User.locale), English when
// none is stored, with the pages' own messages (the `email` namespace of
// app/_i18n/messages, ICU, checked in all four languages by test/unit/i18n.test.ts)
// and the pages' formatters, run by next-intl on the server.
import { createFormatter } from 'next-intl';
import { formatsFrom, type Formats } from '../../../app/_i18n/format';
import { LOCALES, type Locale } from '../../../app/_i18n/locales';
import { createTranslator } from '../../../app/_i18n/standalone';
import type { Translate } from '../../../app/_i18n/translate';

export const EMAIL_LOCALES = LOCALES;
export type EmailLocale = Locale;

export function emailLocale(stored: string | null | undefined): EmailLocale {
  return (EMAIL_LOCALES as readonly string[]).includes(stored ?? '') ? (stored as EmailLocale) : 'en';
}

const translators = new Map<EmailLocale, Translate>();

/** `t('email.receiptSubject', { number })` in the recipient's language. */
export function emailTranslator(locale: EmailLocale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

/**
 * Numbers, money and dates as the pages write them; English emails keep the
 * day-month order ("Friday, 6 March 2026") their readers have always had.
 */
export function emailFormats(locale: EmailLocale, timeZone = 'UTC'): Formats {
  // One per language and zone: a formatter keeps its Intl objects, which are costly to build on every receipt.
  const key = `${locale} ${timeZone}`;
  let formats = formatsByKey.get(key);
  if (!formats) {
    formats = formatsFrom(createFormatter({ locale: (locale === 'en' ? 'en-GB' : locale) as Locale, timeZone }), locale);
    formatsByKey.set(key, formats);
  }
  return formats;
}

const formatsByKey = new Map<string, Formats>();

const wordsByLocale = new Map<EmailLocale, EmailWords>();

/**
 * The emails' words, each a function of its values, over the `email` messages.
 * Built once per language: every fixed word is an ICU format through next-intl,
 * and building all of them for each receipt was 40 % of a purchase storm's CPU
 * (issue 14's profile at 2159be6).
 */
export function emailWords(locale: EmailLocale): EmailWords {
  let words = wordsByLocale.get(locale);
  if (!words) {
    words = buildEmailWords(locale);
    wordsByLocale.set(locale, words);
  }
  return words;
}

function buildEmailWords(locale: EmailLocale) {
  const t = emailTranslator(locale);
  const roles: Record<string, string> = { owner: t('email.invite.roles.owner'), staff: t('email.invite.roles.staff') };
  return {
    greeting: (name: string) => (name ? t('email.greeting', { name }) : t('email.greetingNoName')),
    receiptSubject: (number: string) => t('email.receiptSubject', { number }),
    receiptIntro: (brand: string) => t('email.receiptIntro', { brand }),
    subtotal: t('email.subtotal'),
    shipping: t('email.shipping'),
    free: t('email.free'),
    discount: t('email.discount'),
    totalPaid: t('email.totalPaid'),
    shippingTo: t('email.shippingTo'),
    followHere: t('email.followHere'),
    followInAccount: t('email.followInAccount'),
    orderLink: (number: string) => t('email.orderLink', { number }),
    shippedSubject: (number: string) => t('email.shippedSubject', { number }),
    shippedIntro: (brand: string, number: string) => t('email.shippedIntro', { brand, number }),
    carrier: t('email.carrier'),
    trackingNumber: t('email.trackingNumber'),
    trackHere: t('email.trackHere'),
    trackLink: (number: string) => t('email.trackLink', { number }),
    show: {
      withHostForBrand: (host: string, brand: string) => t('email.show.withHostForBrand', { host, brand }),
      allSettings: t('email.show.allSettings'),
      reminderSubject: (when: string, title: string) => t('email.show.reminderSubject', { when, title }),
      reminderLine: (title: string, when: string) => t('email.show.reminderLine', { title, when }),
      start: t('email.show.start'),
      open: t('email.show.open'),
      stopReminders: t('email.show.stopReminders'),
      liveSubject: (title: string) => t('email.show.liveSubject', { title }),
      liveLine: (host: string, title: string) => t('email.show.liveLine', { host, title }),
      watch: t('email.show.watch'),
      stopLive: t('email.show.stopLive'),
      movedSubject: (title: string) => t('email.show.movedSubject', { title }),
      movedLine: (title: string) => t('email.show.movedLine', { title }),
      newStart: t('email.show.newStart'),
      was: t('email.show.was'),
      stopChanges: t('email.show.stopChanges'),
      cancelledSubject: (title: string) => t('email.show.cancelledSubject', { title }),
      cancelledLine: (title: string, when: string) => t('email.show.cancelledLine', { title, when }),
      reason: t('email.show.reason'),
      seePage: t('email.show.seePage'),
    },
    link: {
      verifySubject: t('email.link.verifySubject'),
      verifyIntro: t('email.link.verifyIntro'),
      verifyButton: t('email.link.verifyButton'),
      verifyWarning: t('email.link.verifyWarning'),
      signInSubject: t('email.link.signInSubject'),
      signInIntro: t('email.link.signInIntro'),
      signInButton: t('email.link.signInButton'),
      signInIgnore: t('email.link.signInIgnore'),
    },
    invite: {
      brandSubject: (inviter: string, brand: string) => t('email.invite.brandSubject', { inviter, brand }),
      brandLine: (inviter: string, brand: string, role: string) => t('email.invite.brandLine', { inviter, brand, role }),
      brandAccept: t('email.invite.brandAccept'),
      brandValid: t('email.invite.brandValid'),
      roles,
      hostSubject: (brand: string, title: string) => t('email.invite.hostSubject', { brand, title }),
      hostLine: (brand: string, title: string, when: string, minutes: string, commission: string) =>
        t('email.invite.hostLine', { brand, title, when, minutes, commission }),
      hostAction: t('email.invite.hostAction'),
    },
  };
}

export type EmailWords = ReturnType<typeof buildEmailWords>;
