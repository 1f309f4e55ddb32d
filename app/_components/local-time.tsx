'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { viewerTimeZone } from '@/app/_i18n/format';
import { formatLabelledTime } from '@/server/domain/zoned-time';

// Before hydration, in every language: the same bytes from Node's ICU and from a browser that
// lacks the page's locale data, so hydration never meets two different texts.
const UTC_FALLBACK = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * A time in the viewer's own locale and time zone. The server cannot know
 * either, so it renders UTC and the browser replaces it after hydration.
 * `dated` adds the year (order pages, where times are months apart).
 */
export function LocalTime({ iso, className, dated }: { iso: string; className?: string; dated?: boolean }) {
  const { format, intlEpoch } = useI18n();
  const style = dated ? 'labelled' : 'upcoming';
  const [text, setText] = useState(() =>
    dated ? formatLabelledTime(new Date(iso), 'en-GB', 'UTC') : `${UTC_FALLBACK.format(new Date(iso))} UTC`,
  );
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
