// What the text itself says about its language, and one spelling of it for the classifier and the
// slot finders: digits of every script read as ASCII, case folded, zero-width joiners gone.
import type { Locale } from '@/app/_i18n/locales';

const KHMER = /[\u1780-\u17ff\u19e0-\u19ff]/g;
const LAO = /[\u0e80-\u0eff]/g;
const CYRILLIC = /[\u0400-\u04ff]/g;

/** The language whose script has most letters in the text; null when only Latin (or nothing) is there. */
export function scriptLanguage(text: string): Locale | null {
  const counts: [Locale, number][] = [
    ['km', text.match(KHMER)?.length ?? 0],
    ['lo', text.match(LAO)?.length ?? 0],
    ['mn', text.match(CYRILLIC)?.length ?? 0],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  const [best] = counts;
  return best && best[1] > 0 ? best[0] : null;
}

/** Khmer ០-៩ and Lao ໐-໙ as ASCII digits: "៥០ml" and "50ml" are the same question. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9\u0ed0-\u0ed9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x17e0 && code <= 0x17e9 ? code - 0x17e0 : code - 0x0ed0);
  });
}

export function normalize(text: string): string {
  return asciiDigits(text.normalize('NFC'))
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}'@%]+/gu, ' ')
    .trim();
}
