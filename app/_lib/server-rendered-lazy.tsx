'use client';

import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { hydratesLate } from '@/app/_i18n/late-hydration';

/**
 * A part of a page that the server renders in place but whose code stays out of the page's first load: the
 * page shows the server's HTML at once, the code loads beside it (React.lazy), and hydrates that HTML when it
 * arrives. Locale data waits for it (late-hydration.ts).
 *
 * React renders such a boundary afresh, throwing the server's HTML away with whatever a person typed or
 * focused in it, when the boundary receives an update before its code has arrived, and a new element is an
 * update: on the show page that was every phone load, as the show channel joined. So the part hands React the
 * element of its first render, which the server's HTML matches, until its content has committed; the props it
 * was given meanwhile apply right after.
 */
export function serverRenderedLazy<P extends object>(load: () => Promise<ComponentType<P>>, fallback?: ReactNode): ComponentType<P> {
  const Lazy = lazy(() => hydratesLate(load()).then((component) => ({ default: component })));
  function ServerRenderedLazy(props: P) {
    const [committed, setCommitted] = useState(false);
    const markCommitted = useCallback(() => setCommitted(true), []);
    const element = (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
        <Committed onCommit={markCommitted} />
      </Suspense>
    );
    const [first] = useState(element);
    return committed ? element : first;
  }
  return ServerRenderedLazy;
}

/** Renders nothing; its effect runs when the boundary around it commits (hydrated, or rendered in the browser). */
function Committed({ onCommit }: { onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return null;
}
