'use client';

import { useEffect, useState } from 'react';
import { serverClock } from './server-clock';

/**
 * Seconds left until `endsAt` by the server's clock (server-clock.ts: the device's own may be minutes
 * off), ticking every `tickMs`; 0 when it has passed. A countdown rendered on the server passes
 * `renderedAt` (the server's clock then): the browser's first render counts from the same instant, so
 * it writes the same text as the HTML (no hydration mismatch, React error #418), and the effect moves
 * on to the server clock's estimate right after.
 */
export function useCountdown(endsAt: string | null, renderedAt?: number, tickMs = 1000): number {
  const left = (now = serverClock.now()) => (endsAt ? Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000)) : 0);
  const [seconds, setSeconds] = useState(() => left(renderedAt));
  useEffect(() => {
    setSeconds(left());
    if (!endsAt) return;
    const timer = setInterval(() => setSeconds(left()), tickMs);
    // A better clock sample moves the countdown at once rather than at its next tick.
    const stop = serverClock.subscribe(() => setSeconds(left()));
    return () => {
      clearInterval(timer);
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` only reads endsAt
  }, [endsAt, tickMs]);
  return seconds;
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
