import { describe, expect, it } from 'vitest';
import { matchAcceptLanguage } from '../../app/_i18n/locales';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/translate';
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

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
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
