'use client';

import { lazy, Suspense, type ComponentType } from 'react';
import { hydratesLate } from '@/app/_i18n/late-hydration';

// Parts of the show page that the server renders in place only when the show is not live (an ended show's
// replay, an upcoming show's countdown): a live show's viewers, who are most of them, never run
// them, so their code loads beside the page's first load and hydrates the server's HTML when it arrives.
// Their props come from the server alone, so nothing updates them before that (a lazy player inside the show
// channel's state was client-rendered again, 8082046), and missing locale data waits for them
// (app/_i18n/late-hydration.ts: loaded first, it changed their first render, #418).

function hydratingLate<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => hydratesLate(load()).then((component) => ({ default: component })));
  function HydratingLate(props: P) {
    return (
      <Suspense>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return HydratingLate;
}

export const ReplayViewer = hydratingLate(() => import('./replay/replay-viewer').then((m) => m.ReplayViewer));
export const Countdown = hydratingLate(() => import('./countdown').then((m) => m.Countdown));
