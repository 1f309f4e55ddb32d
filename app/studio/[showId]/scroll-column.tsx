'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A studio column, which scrolls on its own on a wide screen. It is a named region, and while it is a scroller
 * (its overflow is auto, on a wide screen) it takes focus, so a keyboard reaches and scrolls it even when nothing
 * inside can take focus yet (axe's scrollable-region-focusable, seen while the studio loaded; Safari does not make
 * a scroller focusable by itself). Whether its content overflows right now is not what decides: a camera preview
 * that gets its size changes that with no event here. The server's HTML has the tab stop, so the column is never a
 * scroller without one while the page loads (axe found exactly that once, before the effect below had run); on a
 * phone, where the page scrolls instead, the effect takes it away.
 */
export function ScrollColumn({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState(true);
  // The column's size changes when the window crosses the wide-screen breakpoint, where its overflow changes too.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScroller(['auto', 'scroll'].includes(getComputedStyle(element).overflowY));
    const resized = new ResizeObserver(check);
    resized.observe(element);
    check();
    return () => resized.disconnect();
  }, []);
  return (
    <div ref={ref} role="region" aria-label={label} tabIndex={scroller ? 0 : undefined} className={className}>
      {children}
    </div>
  );
}
