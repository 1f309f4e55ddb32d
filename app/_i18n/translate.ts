// Messages are ICU (plurals, numbers) and are formatted by next-intl; this file
// keeps the one call shape the pages use, `t('viewer.buy', { price })`, over a
// next-intl translator, so a page never depends on which hook or function
// produced it (useTranslations in the browser, getTranslations on the server,
// createTranslator for emails and tests).
import type { MessageKeys, Messages as IntlMessages, NestedKeyOf } from 'next-intl';
import { createFormatter, createTranslator as createIntlTranslator, type IntlError } from 'next-intl';
import type { Locale } from './locales';
import type { Messages } from './messages/types';

// "viewer.buy" style keys, from next-intl's AppConfig messages (app/_i18n/next-intl.d.ts):
// a typo fails to compile.
export type MessageKey = MessageKeys<IntlMessages, NestedKeyOf<IntlMessages>>;
export type Vars = Record<string, string | number>;
export interface Translate {
  (key: MessageKey, vars?: Vars): string;
  /** Whether the dictionary has `key` (for keys built at run time, like `errors.<CODE>`). */
  has(key: string): boolean;
}

/** The parts of a next-intl translator (any namespace-less one) this wrapper uses. */
export interface IntlTranslator {
  (key: never, values?: never): string;
  raw(key: never): unknown;
  has(key: never): boolean;
}
type Loose = { (key: string, values?: Record<string, string | number>): string; raw(key: string): unknown; has(key: string): boolean };
export type IntlFormatter = Pick<ReturnType<typeof createFormatter>, 'number' | 'dateTime' | 'relativeTime'>;

const ARGUMENT = /\{\s*(\w+)\s*[,}]/g;

/**
 * Wraps next-intl's translator. Two habits of the pages survive the move to ICU:
 * a number passed for a plain `{name}` is written in the reader's digits and
 * grouping (ICU would print it raw; `count` stays a number for plurals and `#`),
 * and a placeholder given no value stays `{name}` in the text, so `rich()` can
 * put an element there.
 */
export function translatorFrom(intlT: IntlTranslator, format: IntlFormatter): Translate {
  const t = intlT as unknown as Loose;
  const translate = (key: MessageKey, vars: Vars = {}): string => {
    if (!t.has(key)) return t(key);
    const raw = t.raw(key);
    const values: Record<string, string | number> = {};
    if (typeof raw === 'string') {
      for (const [, name] of raw.matchAll(ARGUMENT)) {
        const value = vars[name!];
        if (value === undefined) values[name!] = name === 'count' ? 0 : `{${name}}`;
        else values[name!] = typeof value === 'number' && name !== 'count' ? format.number(value) : value;
      }
    }
    return t(key, values);
  };
  return Object.assign(translate, { has: (key: string) => t.has(key) });
}

/** A missing key shows the key itself rather than crashing a page. */
export function messageFallback({ key, namespace }: { key: string; namespace?: string }): string {
  return namespace ? `${namespace}.${key}` : key;
}

/** Missing messages are expected where a key is built at run time (errorText checks `has` first); the rest is a bug to see. */
export function reportIntlError(error: IntlError): void {
  if (error.code === 'MISSING_MESSAGE' || error.code === 'ENVIRONMENT_FALLBACK') return;
  console.error(error);
}

/** A translator outside React (emails, tests, jobs): the same messages and formatting as the pages. */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  const config = { locale, timeZone: 'UTC', onError: reportIntlError, getMessageFallback: messageFallback };
  const t = createIntlTranslator({ ...config, messages: messages as IntlMessages });
  return translatorFrom(t as unknown as IntlTranslator, createFormatter(config));
}
