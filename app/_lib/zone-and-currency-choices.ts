// The labels of the brand's time zone and currency pickers, made on the server: Node carries full
// ICU, while Debian's Chromium has no Khmer, Lao or Mongolian names (see country-names.ts).
import { zoneCity } from './zone-city';

export interface Choice {
  value: string;
  label: string;
}

/** "GMT+7" for a zone at an instant (the offset a person recognises; it moves with summer time). */
function offsetName(zone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}

function offsetMinutes(name: string): number {
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * Every zone as "Phnom Penh (GMT+7) · Indochina Time" in the person's language, west to east,
 * so a brand finds its city or its offset. The IANA id stays the value.
 */
export function timeZoneChoices(locale: string, zones: readonly string[], at = new Date()): Choice[] {
  const generic = (zone: string) => {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value;
  };
  return zones
    .map((zone) => {
      const offset = offsetName(zone, at);
      const city = zoneCity(zone);
      const name = generic(zone);
      // A zone with no name of its own is called by its offset again ("GMT+07:00"): no news.
      const suffix = name && !name.startsWith('GMT') ? ` · ${name}` : '';
      return { value: zone, label: `${city} (${offset})${suffix}`, minutes: offsetMinutes(offset), city };
    })
    .sort((a, b) => a.minutes - b.minutes || a.city.localeCompare(b.city))
    .map(({ value, label }) => ({ value, label }));
}

/** "USD · US Dollar" in the person's language. */
export function currencyChoices(locale: string, codes: readonly string[]): Choice[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'none' });
  return codes.map((code) => {
    const name = names.of(code);
    return { value: code, label: name ? `${code} · ${name}` : code };
  });
}
