'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { hydratesLate } from '@/app/_i18n/late-hydration';
import type { LocalTime as EagerLocalTime } from './local-time';

// LocalTime (local-time.tsx) for the pages that render it only in some states: show cards and an upcoming
// show's panel, never a live show's player, the show page most of its visitors see. Its code loads beside the
// page's first load and hydrates the server's UTC text when it arrives. Safe since that first text is built
// without Intl (e425873) and the locale provider waits for parts hydrating late (late-hydration.ts): the
// lazy LocalTime of dd27a97 had rendered after Khmer data arrived and no longer matched the server (#418).
const Lazy = lazy(() => hydratesLate(import('./local-time')).then((m) => ({ default: m.LocalTime })));

export function LocalTime(props: ComponentProps<typeof EagerLocalTime>) {
  return (
    <Suspense>
      <Lazy {...props} />
    </Suspense>
  );
}
