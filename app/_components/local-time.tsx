'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { viewerTimeZone } from '@/app/_i18n/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * "6 Dec 2026, 09:59 UTC": what the server renders and the browser's first render repeats, in every
 * language. Written without Intl on purpose: in a browser that lacks the page's locale data, Intl is
 * replaced by a polyfill part-way through the page's life (app/_lib/intl-data.ts) that writes "en-GB"
 * the American way while only English data has arrived, and a text built then no longer matched the
 * server's (React error #418, seen in CI on the Khmer show page).
 */
export function utcFallbackText(iso: string): string {
  const at = new Date(iso);
  const [day, month, year] = [at.getUTCDate(), MONTHS[at.getUTCMonth()], at.getUTCFullYear()];
  return `${day} ${month} ${year}, ${twoDigits(at.getUTCHours())}:${twoDigits(at.getUTCMinutes())} UTC`;
}

/**
 * A time in the viewer's own locale and time zone. The server cannot know
 * either, so it renders UTC and the browser replaces it after hydration.
 * `dated` adds the year (order pages, where times are months apart).
 */
export function LocalTime({ iso, className, dated }: { iso: string; className?: string; dated?: boolean }) {
  const { format, intlEpoch } = useI18n();
  const style = dated ? 'labelled' : 'upcoming';
  const [text, setText] = useState(() => utcFallbackText(iso));
  useEffect(() => {
    setText(format.dateTime(iso, style, viewerTimeZone()));
    // intlEpoch: again once a browser without this language's data has loaded it.
  }, [iso, style, format, intlEpoch]);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
