'use client';

import { lazy, Suspense, type ComponentType } from 'react';

/** A part the server never renders (on-demand-parts.tsx): its code loads when the page first renders it. */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}
