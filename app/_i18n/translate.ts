import { INTL_LOCALE, type Locale } from './locales';
import type { Messages } from './messages/types';

/** A message may vary with a count: `{ one, other }` picked by the locale's plural rules. */
export type Plural = { one: string; other: string };
type Leaf = string | Plural;

// "viewer.buy" style keys, derived from the English dictionary so a typo fails to compile.
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<Messages>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

function lookup(messages: Messages, key: string): Leaf | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' || (typeof node === 'object' && node !== null && 'other' in node) ? (node as Leaf) : undefined;
}

/** A translator over one dictionary; a missing key shows the key itself rather than crashing a page. */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  const plurals = new Intl.PluralRules(INTL_LOCALE[locale]);
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return (key, vars = {}) => {
    const leaf = lookup(messages, key);
    if (leaf === undefined) return key;
    const text = typeof leaf === 'string' ? leaf : plurals.select(Number(vars.count ?? 0)) === 'one' ? leaf.one : leaf.other;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = vars[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
