import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import formatIcu from 'icu-minify/format';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compileTree, type Tree as MessageTree } from '../../app/_i18n/compiled';
import { LOCALES, matchAcceptLanguage } from '../../app/_i18n/locales';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';
import { argumentNames } from '../../app/_i18n/translate';
import { errorKeyParams } from '../../server/domain/errors';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments an ICU message takes (plural, number and plain ones, at any depth); it must parse. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal) names.add(String(element.value));
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(parse(text));
  return [...names].sort();
}
// Texts that are the same in every language: names, and templates made only of placeholders.
const SAME_EVERYWHERE = (key: string, text: string) => key === 'common.appName' || text.replace(/\{\w+\}|[\s·:()@]/g, '') === '';

describe('dictionaries', () => {
  const english = leaves(MESSAGES.en as unknown as Tree);
  for (const locale of ['km', 'lo', 'mn'] as const) {
    it(`${locale} has every English key, the same placeholders, and its own words (no English left behind)`, () => {
      const translated = leaves(MESSAGES[locale] as unknown as Tree);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      const untranslated: string[] = [];
      for (const [key, text] of english) {
        const other = translated.get(key)!;
        expect(placeholders(other), `${locale} ${key}`).toEqual(placeholders(text));
        if (other === text && !SAME_EVERYWHERE(key, text)) untranslated.push(key);
      }
      expect(untranslated).toEqual([]);
    });
  }
});

describe('error codes', () => {
  it('every code the server can answer with has its own sentence in the dictionary', () => {
    expect(Object.keys(errorKeyParams()).filter((code) => !(code in MESSAGES.en.errors))).toEqual([]);
  });
});

describe('translator', () => {
  it('fills placeholders with locale-formatted numbers and picks the plural form', () => {
    const t = createTranslator('en', MESSAGES.en);
    expect(t('discovery.profile.followers', { count: 1 })).toBe('1 follower');
    expect(t('discovery.profile.followers', { count: 1200 })).toBe('1,200 followers');
    expect(t('chat.banLabel', { name: 'Sam' })).toBe('Ban Sam from chat');
  });

  it("writes counts in the reader's digits and keeps a literal # in a plural as text", () => {
    const mn = createTranslator('mn', MESSAGES.mn);
    const text = mn('viewer.bag.confirmed', { count: 1200, number: '42', total: '₮5' });
    expect(text).toContain('#42');
    expect(text).toContain(new Intl.NumberFormat('mn').format(1200));
    expect(createTranslator('en', MESSAGES.en)('viewer.line.notEnough', { count: 1200 })).toBe(
      'Only 1,200 left: lower the quantity to pay.',
    );
  });

  it('leaves a placeholder without a value in place, for rich() to fill with an element', () => {
    const t = createTranslator('en', MESSAGES.en);
    expect(t('chat.banLabel')).toBe('Ban {name} from chat');
  });

  it('shows the key rather than crashing when a key is missing at run time', () => {
    const t = createTranslator('km', MESSAGES.km);
    expect(t('no.such.key' as never)).toBe('no.such.key');
  });

  it('chooses a language from Accept-Language by preference, falling back to English', () => {
    expect(matchAcceptLanguage('fr-FR,km-KH;q=0.8,en;q=0.5')).toBe('km');
    expect(matchAcceptLanguage('lo')).toBe('lo');
    expect(matchAcceptLanguage('mn-MN;q=0.9, en;q=0.95')).toBe('en');
    expect(matchAcceptLanguage('de, fr')).toBe('en');
    expect(matchAcceptLanguage(undefined)).toBe('en');
  });
});

describe('precompiled messages (what Next bundles and browsers format)', () => {
  it('are plain objects all the way down, so a server component can hand them to client components', () => {
    const prototypes = new Set<unknown>();
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      prototypes.add(Object.getPrototypeOf(node));
      for (const child of Object.values(node)) walk(child);
    };
    walk(compileTree(MESSAGES.mn as unknown as MessageTree));
    expect([...prototypes].every((proto) => proto === Object.prototype || proto === Array.prototype)).toBe(true);
  });

  const formatters = {
    getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
    getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
  };
  /** The message's arguments (never its tags), as the ICU parser sees them. */
  function argumentsOf(text: string): string[] {
    const names = new Set<string>();
    const walk = (elements: MessageFormatElement[]) => {
      for (const element of elements) {
        if (element.type === TYPE.tag) walk(element.children);
        else if ('value' in element && element.type !== TYPE.literal) names.add(String(element.value));
        if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      }
    };
    walk(parse(text));
    return [...names];
  }
  for (const locale of LOCALES) {
    // The translator hands each argument it finds in the compiled form to ICU: one it misses prints as "undefined"
    // (a plural branch starting with text and then "#" once hid the {first} after it).
    it(`${locale}: the translator finds every argument of every message in its compiled form`, () => {
      const missed: string[] = [];
      for (const [key, text] of leaves(MESSAGES[locale] as unknown as Tree)) {
        const found = argumentNames(compile(text));
        for (const name of argumentsOf(text)) if (!found.has(name)) missed.push(`${key}: ${name}`);
      }
      expect(missed).toEqual([]);
    });
  }
  for (const locale of LOCALES) {
    it(`${locale}: every message reads the same from its icu-minify form as from its ICU string`, () => {
      const different: string[] = [];
      for (const [key, text] of leaves(MESSAGES[locale] as unknown as Tree)) {
        for (const count of [1, 2, 1200]) {
          const values = Object.fromEntries(placeholders(text).map((name) => [name, name === 'count' ? count : `‹${name}›`]));
          const expected = new IntlMessageFormat(text, locale).format(values);
          if (formatIcu(compile(text), locale, values, { formatters }) !== expected) different.push(`${key} (count ${count})`);
        }
      }
      expect(different).toEqual([]);
    });
  }
});
