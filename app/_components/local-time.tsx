'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { formatLabelledTime } from '@/server/domain/zoned-time';

const UTC_FALLBACK = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * A time in the viewer's own locale and time zone. The server cannot know
 * either, so it renders UTC and the browser replaces it after hydration.
 * `dated` adds the year (order pages, where times are months apart).
 */
export function LocalTime({ iso, className, dated }: { iso: string; className?: string; dated?: boolean }) {
  const { intl, intlEpoch } = useI18n();
  const [text, setText] = useState(() =>
    dated ? formatLabelledTime(new Date(iso), 'en-GB', 'UTC') : `${UTC_FALLBACK.format(new Date(iso))} UTC`,
  );
  useEffect(() => {
    setText(
      dated
        ? formatLabelledTime(new Date(iso), intl)
        : new Intl.DateTimeFormat(intl, {
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
          }).format(new Date(iso)),
    );
    // intlEpoch: again once a browser without this language's data has loaded it.
  }, [iso, intl, dated, intlEpoch]);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
