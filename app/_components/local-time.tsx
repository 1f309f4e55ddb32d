'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';

const UTC_FALLBACK = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * A time in the viewer's own locale and time zone. The server cannot know
 * either, so it renders UTC and the browser replaces it after hydration.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const { intl, intlEpoch } = useI18n();
  const [text, setText] = useState(() => `${UTC_FALLBACK.format(new Date(iso))} UTC`);
  useEffect(() => {
    setText(new Intl.DateTimeFormat(intl, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso)));
    // intlEpoch: again once a browser without this language's data has loaded it.
  }, [iso, intl, intlEpoch]);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
