// A translator outside React (emails, jobs, tests): the same messages and the
// same next-intl formatting as the pages.
import { createFormatter, createTranslator as createIntlTranslator } from 'next-intl';
import { asIntlMessages, intlMessages } from './compiled';
import type { Locale } from './locales';
import { MESSAGES, type Messages } from './messages';
import { lookupMessage, messageFallback, reportIntlError, translatorFrom, type IntlTranslator, type Translate } from './translate';

export function createTranslator(locale: Locale, messages: Messages = MESSAGES[locale]): Translate {
  const config = { locale, timeZone: 'UTC', onError: reportIntlError, getMessageFallback: messageFallback };
  const given = messages === MESSAGES[locale] ? intlMessages(locale) : asIntlMessages(messages);
  const t = createIntlTranslator({ ...config, messages: given });
  return translatorFrom(t as unknown as IntlTranslator, createFormatter(config), (key) => lookupMessage(given, key));
}
