import { COUNTRIES } from './countries';

// People type a country's name, in their language or in English, where a form asks for countries:
// "Cambodia", "កម្ពុជា", "Laos", "Монгол", or the two-letter code. This is the server's reading of
// such text (the browser's country picker does the same for one country). Node ships full ICU, so
// the region names in Khmer, Lao and Mongolian come from Intl here, unlike in Debian's Chromium.
const LANGUAGES = ['en', 'km', 'lo', 'mn'] as const;

// Names people use that CLDR's short names do not carry.
const ALIASES: Record<string, string> = {
  'lao pdr': 'LA',
  lao: 'LA',
  burma: 'MM',
  myanmar: 'MM',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  'south korea': 'KR',
  korea: 'KR',
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

let byName: Map<string, string> | null = null;

function index(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>(Object.entries(ALIASES));
  const namers = LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (const { code, name } of COUNTRIES) {
    map.set(code.toLowerCase(), code);
    map.set(fold(name), code);
    for (const namer of namers) {
      const local = namer.of(code);
      if (local) map.set(fold(local), code);
    }
  }
  byName = map;
  return map;
}

/** The ISO code a person meant by one country's name or code, or null when it names none. */
export function countryCodeOf(text: string): string | null {
  return index().get(fold(text)) ?? null;
}

/**
 * A list of countries as typed ("Cambodia, Laos; MN"): the codes, without repeats, and the
 * entries that name no country, so the form can say which one it did not understand.
 */
export function countryCodesOf(text: string): { codes: string[]; unknown: string[] } {
  const codes = new Set<string>();
  const unknown: string[] = [];
  for (const entry of text.split(/[,;、\n]/)) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const code = countryCodeOf(trimmed);
    if (code) codes.add(code);
    else unknown.push(trimmed);
  }
  return { codes: [...codes], unknown };
}
