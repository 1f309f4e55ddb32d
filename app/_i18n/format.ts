// The one set of formatters for numbers, money and dates, on top of next-intl's
// (server: getFormatter, browser: useFormatter, emails: createFormatter), so a
// date looks the same wherever it appears and the browser's formatters are
// rebuilt with the rest once missing locale data arrives (app/_lib/intl-data.ts).
import type { NumberFormatOptions } from 'next-intl';
import { formatPrice } from '@/app/_lib/format';
import { INTL_LOCALE, type Locale } from './locales';
import type { IntlFormatter } from './translate';

/** The date styles the product uses; pick one rather than inventing options on a page. */
export const DATE_STYLES = {
  /** "6 Dec 2026" */
  date: { dateStyle: 'medium' },
  /** "6 Dec 2026, 14:05" */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "6 Dec 2026, 14:05:09" (the mailbox) */
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  /** "6 Dec 2026, 14:05 GMT+7": order pages, where the reader must not guess the clock */
  labelled: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  /** "Sun 6 Dec, 14:05 GMT+7": upcoming shows */
  upcoming: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  /** "Sunday, 6 December 2026 at 14:05": emails */
  full: { dateStyle: 'full', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

export interface Formats {
  number(value: number, options?: NumberFormatOptions): string;
  /** 0.125 → "12.5%" */
  percent(fraction: number, maximumFractionDigits?: number): string;
  /** Minor units (cents, riel, …) with the narrow symbol; riel, kip and tugrik without decimals. */
  price(minor: number, currency: string): string;
  /** "15 minutes", "1 hour", "2 days": the largest whole unit. */
  minutes(minutes: number): string;
  /** "in 15 minutes" */
  fromNow(minutes: number): string;
  /** In `timeZone`, else the formatter's (UTC on the server; pass the viewer's zone in the browser). */
  dateTime(value: Date | string | number, style: DateStyle, timeZone?: string): string;
}

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

function wholeUnit(minutes: number): ['day' | 'hour' | 'minute', number] {
  if (minutes % 1440 === 0) return ['day', minutes / 1440];
  if (minutes % 60 === 0) return ['hour', minutes / 60];
  return ['minute', minutes];
}

export function formatsFrom(format: IntlFormatter, locale: Locale): Formats {
  return {
    number: (value, options) => format.number(value, options ?? {}),
    percent: (fraction, maximumFractionDigits = 0) => format.number(fraction, { style: 'percent', maximumFractionDigits }),
    price: (minor, currency) => formatPrice(minor, currency, INTL_LOCALE[locale]),
    minutes: (minutes) => {
      const [unit, amount] = wholeUnit(minutes);
      return format.number(amount, { style: 'unit', unit, unitDisplay: 'long' });
    },
    fromNow: (minutes) => {
      const hours = Math.round(minutes / 60);
      const [amount, unit] =
        minutes < 90
          ? [Math.max(1, minutes), 'minute' as const]
          : hours < 36
            ? [hours, 'hour' as const]
            : [Math.round(hours / 24), 'day' as const];
      return format.relativeTime(amount * UNIT_MS[unit], { now: 0, unit });
    },
    dateTime: (value, style, timeZone) => format.dateTime(new Date(value), { ...DATE_STYLES[style], ...(timeZone ? { timeZone } : {}) }),
  };
}

/** The browser's own time zone: the rule is that people read times on their own clock. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
