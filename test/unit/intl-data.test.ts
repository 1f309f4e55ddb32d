import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasLocaleData, loadLocaleData } from '../../app/_lib/intl-data';
import { LOCALES } from '../../app/_i18n/locales';
import { formatPrice } from '../../app/_lib/format';
import { EMAIL_LOCALES } from '../../server/mail/i18n';
import { utcFallbackText } from '../../app/_components/local-time';

// LocalTime's options: what the show and order pages write.
const SHOW_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Asia/Phnom_Penh',
};
const DEC_8 = new Date('2026-12-08T12:00:00Z');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('locale data for Khmer, Lao and Mongolian', () => {
  it('Node has the data for every language we serve, so server-side formatting never falls back', () => {
    for (const tag of ['en', 'km-KH', 'lo-LA', 'mn-MN']) expect(hasLocaleData(tag)).toBe(true);
    expect(new Intl.DateTimeFormat('km-KH', SHOW_TIME).format(DEC_8)).toContain('ធ្នូ');
    expect(new Intl.DateTimeFormat('lo-LA', SHOW_TIME).format(DEC_8)).toContain('ທ.ວ.');
    expect(new Intl.DateTimeFormat('mn-MN', SHOW_TIME).format(DEC_8)).toMatch(/12-р сар|арванхоёрдугаар/);
  });

  it('a runtime without the data is detected, whether it says so or silently resolves to another locale', () => {
    // Debian's Chromium has no CLDR data for km/lo/mn and writes the root locale's "M12 8, Tue 7:00 PM".
    const spy = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    expect(hasLocaleData('km-KH')).toBe(false);
    spy.mockRestore();
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...resolved.call(this), locale: 'en-US' };
    });
    expect(hasLocaleData('lo-LA')).toBe(false);
  });

  it('with the polyfill data loaded, dates, prices and plurals read in Khmer and Mongolian, never "M12"', async () => {
    await loadLocaleData('km');
    await loadLocaleData('mn');
    // The polyfill replaced the natives: the same calls the pages make now use FormatJS's data.
    const km = new Intl.DateTimeFormat('km-KH', SHOW_TIME).format(DEC_8);
    expect(km).toContain('ធ្នូ');
    expect(km).not.toMatch(/M12/);
    expect(new Intl.DateTimeFormat('mn-MN', SHOW_TIME).format(DEC_8)).not.toMatch(/M12/);
    expect(formatPrice(4_000_000, 'KHR', 'km-KH')).toBe('40,000៛');
    expect(formatPrice(3200, 'USD', 'km-KH')).toBe('32.00$');
    expect(new Intl.PluralRules('mn-MN').select(1)).toBe('one');
    expect(new Intl.DateTimeFormat('en', SHOW_TIME).format(DEC_8)).toContain('Dec');
  });

  it("a time's text before hydration stays the server's after the polyfills replaced Intl (no React #418 on the Khmer show page)", async () => {
    // What Node wrote into the page, and therefore what the browser's first render must repeat.
    const server = '6 Dec 2026, 09:59 UTC';
    expect(utcFallbackText('2026-12-06T09:59:00Z')).toBe(server);
    await loadLocaleData('km');
    // The trap: with only English data loaded, the polyfill writes "en-GB" the American way.
    expect(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date('2026-12-06T09:59:00Z'),
      ),
    ).not.toBe('6 Dec 2026, 09:59');
    expect(utcFallbackText('2026-12-06T09:59:00Z')).toBe(server);
    expect(utcFallbackText('2027-01-31T00:05:59.999Z')).toBe('31 Jan 2027, 00:05 UTC');
  });

  it('emails know the same languages as the pages', () => {
    expect([...EMAIL_LOCALES]).toEqual([...LOCALES]);
  });
});
