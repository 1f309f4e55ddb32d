'use client';

import { useEffect, useState } from 'react';

/**
 * Seconds left until `endsAt` by the server's clock: `offsetMs` (server minus
 * device, from the last server time seen) corrects a device clock that is off,
 * so every viewer's countdown reaches zero when the server's does.
 */
export function useAuctionCountdown(endsAt: string | null, offsetMs: number): number {
  const left = () => (endsAt ? Math.max(0, Math.ceil((Date.parse(endsAt) - (Date.now() + offsetMs)) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!endsAt) return;
    // Four ticks a second: an extension or a correction shows within a quarter second.
    const timer = setInterval(() => setSeconds(left()), 250);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` only reads endsAt and offsetMs
  }, [endsAt, offsetMs]);
  return seconds;
}
