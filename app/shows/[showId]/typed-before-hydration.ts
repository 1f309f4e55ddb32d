'use client';

import { useLayoutEffect, useRef } from 'react';

/**
 * What a viewer types into a box of the server's HTML before the page's code has run. The chat box sits in the
 * show's shopping zone, whose code loads after the first load (show-aside.tsx); when the show channel updates the
 * zone before then, React renders it afresh and the server's box, with the text, is replaced. This runs with the
 * first load: it reads the box at hydration and follows it until the zone's own box takes over from the text.
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
