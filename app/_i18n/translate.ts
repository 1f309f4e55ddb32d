// Messages are ICU (plurals, numbers) and are formatted by next-intl; this file
// keeps the one call shape the pages use, `t('viewer.buy', { price })`, over a
// next-intl translator, so a page never depends on which hook or function
// produced it (useTranslations in the browser, getTranslations on the server,
// createTranslator in standalone.ts for emails and tests).
import type { MessageKeys, Messages as IntlMessages, NestedKeyOf } from 'next-intl';
import type { DateTimeFormatOptions, IntlError, NumberFormatOptions } from 'next-intl';

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
  has(key: never): boolean;
}
type Loose = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
/** What app/_i18n/format.ts needs of next-intl's formatter (useFormatter, getFormatter, createFormatter). */
export interface IntlFormatter {
  number(value: number, options?: NumberFormatOptions): string;
  dateTime(value: Date, options?: DateTimeFormatOptions): string;
  relativeTime(value: number, options: { now: number; unit: Intl.RelativeTimeFormatUnit }): string;
}

/** The message at a dotted key: an ICU string, or its precompiled form (app/_i18n/compiled.ts). */
export function lookupMessage(messages: unknown, key: string): unknown {
  let node = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[part];
  return node;
}

const ARGUMENT = /\{\s*(\w+)\s*[,}]/g;

/** The names of a message's arguments, from the ICU string or its icu-minify form. */
export function argumentNames(message: unknown, into = new Set<string>()): Set<string> {
  if (typeof message === 'string') {
    for (const [, name] of message.matchAll(ARGUMENT)) into.add(name!);
  } else if (Array.isArray(message)) {
    // A node is [name] (plain), [name, type, options] (plural, number…; type ≥ 1), or text, or 0 (#). A branch
    // that starts with text and then a # (["…the last ", 0, " shows, from ", ["first"]]) is not a node.
    const [head, type, options] = message as unknown[];
    if (typeof head === 'string' && (message.length === 1 || (typeof type === 'number' && type !== 0 && message.length <= 3))) {
      into.add(head);
      if (options && typeof options === 'object') for (const branch of Object.values(options)) argumentNames(branch, into);
    } else for (const node of message) if (typeof node !== 'string') argumentNames(node, into);
  }
  return into;
}

/**
 * Wraps next-intl's translator. Two habits of the pages survive the move to ICU:
 * a number passed for a plain `{name}` is written in the reader's digits and
 * grouping (ICU would print it raw; `count` stays a number for plurals and `#`),
 * and a placeholder given no value stays `{name}` in the text, so `rich()` can
 * put an element there.
 */
export function translatorFrom(intlT: IntlTranslator, format: IntlFormatter, lookup: (key: string) => unknown): Translate {
  const t = intlT as unknown as Loose;
  const translate = (key: MessageKey, vars: Vars = {}): string => {
    if (!t.has(key)) return t(key);
    const values: Record<string, string | number> = {};
    for (const name of argumentNames(lookup(key))) {
      const value = vars[name];
      if (value === undefined) values[name] = name === 'count' ? 0 : `{${name}}`;
      else values[name] = typeof value === 'number' && name !== 'count' ? format.number(value) : value;
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
