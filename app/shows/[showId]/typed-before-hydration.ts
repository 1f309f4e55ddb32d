'use client';

import { useLayoutEffect, useRef } from 'react';

/**
 * What a viewer types into a box of the server's HTML before the page's code has run. The chat box sits in the
 * show's shopping zone, whose code loads after the first load (show-aside.tsx). The zone hydrates the server's
 * box in place (server-rendered-lazy.tsx), but when React cannot (a mismatch makes it render the zone afresh) the
 * box, with the text, is replaced. This runs with the first load: it reads the box at hydration and follows it
 * until the zone's own box takes over from the text.
 */
export function useTypedBeforeHydration(inputId: string): { readonly current: string } {
  const typed = useRef('');
  useLayoutEffect(() => {
    const read = (event?: Event) => {
      const box = document.getElementById(inputId);
      if (box instanceof HTMLInputElement && (!event || event.target === box)) typed.current = box.value;
    };
    read();
    document.addEventListener('input', read, true);
    return () => document.removeEventListener('input', read, true);
  }, [inputId]);
  return typed;
}
