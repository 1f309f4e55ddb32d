'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A studio column, which scrolls on its own on a wide screen. It is a named region, and while its content
 * overflows it takes focus, so a keyboard reaches and scrolls it even when nothing inside can take focus yet
 * (axe's scrollable-region-focusable, seen while the studio loaded; Safari does not make a scroller focusable by
 * itself). When it does not scroll (a phone, where the page scrolls) it adds no tab stop.
 */
export function ScrollColumn({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // When the window changes size, and when panels appear or grow with the show's state.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollHeight > element.clientHeight);
    const resized = new ResizeObserver(check);
    resized.observe(element);
    const changed = new MutationObserver(check);
    changed.observe(element, { childList: true, subtree: true });
    check();
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
  return (
    <div ref={ref} role="region" aria-label={label} tabIndex={scrolls ? 0 : undefined} className={className}>
      {children}
    </div>
  );
}
