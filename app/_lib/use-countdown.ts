'use client';

import { useEffect, useState } from 'react';

/**
 * Seconds left until `endsAt`, ticking once a second; 0 when it has passed.
 * A countdown rendered on the server passes `renderedAt` (the server's clock
 * then): the browser's first render counts from the same instant, so it writes
 * the same text as the HTML (no hydration mismatch, React error #418), and the
 * effect moves on to the browser's clock right after.
 */
export function useCountdown(endsAt: string | null, renderedAt?: number): number {
  const left = (now = Date.now()) => (endsAt ? Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000)) : 0);
  const [seconds, setSeconds] = useState(() => left(renderedAt));
  useEffect(() => {
    setSeconds(left());
    if (!endsAt) return;
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` only reads endsAt
  }, [endsAt]);
  return seconds;
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
