// Khmer, Lao and Mongolian dates, numbers and plurals need CLDR data that
// Debian's Chromium and many phones do not ship: without it Intl silently
// falls back to the root locale ("M12 8, Tue 7:00 PM", "US$ 32.00"). Node has
// full ICU, so the server is always right; a browser that lacks the data loads
// FormatJS's polyfills with just that locale's data (and English, which the
// rest of the page still asks for), and only then. See docs/architecture.md.
import { clearCurrencyFormats } from '@/server/domain/money-format';

export type PolyfilledLocale = 'km' | 'lo' | 'mn';

/** True when this runtime formats `tag` from its own data rather than the root-locale fallback. */
export function hasLocaleData(tag: string): boolean {
  const language = tag.split('-')[0]!;
  try {
    const supported = [
      Intl.DateTimeFormat.supportedLocalesOf([tag]),
      Intl.NumberFormat.supportedLocalesOf([tag]),
      Intl.PluralRules.supportedLocalesOf([tag]),
    ].every((found) => found.length > 0);
    // Some builds claim support and still resolve to another locale.
    const resolved = new Intl.DateTimeFormat(tag).resolvedOptions().locale.split('-')[0] === language;
    return supported && resolved;
  } catch {
    return false;
  }
}

// Static import paths, one per locale: a template path would make the bundler
// ship every language FormatJS knows.
const LOCALE_DATA: Record<PolyfilledLocale, () => Promise<unknown>[]> = {
  km: () => [
    import('@formatjs/intl-pluralrules/locale-data/km.js'),
    import('@formatjs/intl-numberformat/locale-data/km.js'),
    import('@formatjs/intl-datetimeformat/locale-data/km.js'),
  ],
  lo: () => [
    import('@formatjs/intl-pluralrules/locale-data/lo.js'),
    import('@formatjs/intl-numberformat/locale-data/lo.js'),
    import('@formatjs/intl-datetimeformat/locale-data/lo.js'),
  ],
  mn: () => [
    import('@formatjs/intl-pluralrules/locale-data/mn.js'),
    import('@formatjs/intl-numberformat/locale-data/mn.js'),
    import('@formatjs/intl-datetimeformat/locale-data/mn.js'),
  ],
};

const loads = new Map<PolyfilledLocale, Promise<void>>();

type IntlConstructorName = 'PluralRules' | 'NumberFormat' | 'DateTimeFormat';
type AnyConstructor = new (...args: unknown[]) => object;
const intl = Intl as unknown as Record<IntlConstructorName, AnyConstructor>;
// The browser's own constructors, taken before any polyfill replaces them.
const NATIVE: Record<IntlConstructorName, AnyConstructor> = {
  PluralRules: intl.PluralRules,
  NumberFormat: intl.NumberFormat,
  DateTimeFormat: intl.DateTimeFormat,
};

/**
 * A polyfill replaces the global constructor as soon as its module runs, but
 * its locale data arrives in later modules; a render in between (the studio
 * re-renders on every reaction) would throw "Missing locale data" and take the
 * page down. Until the data is there, such a formatter is the browser's own.
 */
async function install(name: IntlConstructorName, polyfill: () => Promise<unknown>): Promise<void> {
  await polyfill();
  const polyfilled = intl[name];
  if (polyfilled === NATIVE[name]) return;
  const fallBack = <T>(build: () => T, native: () => T): T => {
    try {
      return build();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Missing locale data')) return native();
      throw error;
    }
  };
  intl[name] = new Proxy(polyfilled, {
    construct: (target, args, newTarget) =>
      fallBack(
        () => Reflect.construct(target, args, newTarget) as object,
        () => Reflect.construct(NATIVE[name], args) as object,
      ),
    apply: (target, thisArg, args) =>
      fallBack(
        () => Reflect.apply(target as unknown as (...a: unknown[]) => object, thisArg, args),
        () => Reflect.construct(NATIVE[name], args) as object,
      ),
  });
}

/** Installs the polyfills with `locale`'s data, once per page; later formatters use them. */
export function loadLocaleData(locale: PolyfilledLocale): Promise<void> {
  let load = loads.get(locale);
  if (!load) {
    load = (async () => {
      // Each polyfill builds on the one before: plural rules, numbers, dates.
      await install('PluralRules', () => import('@formatjs/intl-pluralrules/polyfill-force.js'));
      await install('NumberFormat', () => import('@formatjs/intl-numberformat/polyfill-force.js'));
      await install('DateTimeFormat', () => import('@formatjs/intl-datetimeformat/polyfill-force.js'));
      await Promise.all([
        import('@formatjs/intl-pluralrules/locale-data/en.js'),
        import('@formatjs/intl-numberformat/locale-data/en.js'),
        import('@formatjs/intl-datetimeformat/locale-data/en.js'),
        // The viewer's own zone may be any of them.
        import('@formatjs/intl-datetimeformat/add-all-tz.js'),
        ...LOCALE_DATA[locale](),
      ]);
      // Formatters built before the data arrived keep writing the fallback.
      clearCurrencyFormats();
    })();
    loads.set(locale, load);
  }
  return load;
}
