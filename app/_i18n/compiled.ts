// Messages are ICU strings in the dictionaries; inside Next's bundles they are
// handed to next-intl precompiled (icu-minify), and next.config.ts points
// 'use-intl/format-message' at its format-only runtime, so no browser ever
// downloads an ICU parser (about 13 kB gzipped on every page). Outside Next
// (the jobs that send emails, the tests) next-intl's full formatter reads the
// strings as they are. The formatter in use says which of the two it needs.
import type { AbstractIntlMessages } from 'next-intl';
import compile from 'icu-minify/compile';
import formatMessage from 'use-intl/format-message';
import type { Locale } from './locales';
import { MESSAGES, type Messages } from './messages';

/** True where only precompiled messages can be formatted (Next's server and browser bundles). */
export const PRECOMPILED = (formatMessage as { raw?: boolean }).raw === false;

export type Tree = { [key: string]: string | Tree };

/**
 * icu-minify writes plural and select branches into null-prototype objects,
 * which React refuses to send from a server component to a client one.
 */
function plain(compiled: unknown): string {
  return JSON.parse(JSON.stringify(compiled)) as string;
}

/** Every message of a dictionary in icu-minify's form, as plain JSON-shaped objects. */
export function compileTree(tree: Tree): AbstractIntlMessages {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? plain(compile(value)) : compileTree(value)]),
  );
}

const compiled = new Map<Locale, AbstractIntlMessages>();

/** A dictionary in the form the running formatter reads; compiled once per language and process. */
export function intlMessages(locale: Locale): AbstractIntlMessages {
  if (!PRECOMPILED) return MESSAGES[locale] as unknown as AbstractIntlMessages;
  let messages = compiled.get(locale);
  if (!messages) {
    messages = compileTree(MESSAGES[locale] as unknown as Tree);
    compiled.set(locale, messages);
  }
  return messages;
}

/** Any dictionary (tests pass their own) in the form the running formatter reads. */
export function asIntlMessages(messages: Messages): AbstractIntlMessages {
  return PRECOMPILED ? compileTree(messages as unknown as Tree) : (messages as unknown as AbstractIntlMessages);
}
