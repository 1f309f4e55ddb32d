'use client';

import { useCountdown } from './use-countdown';

/**
 * Seconds left until `endsAt` by the server's clock (server-clock.ts), four ticks a second: an
 * auction's extension shows within a quarter second.
 */
export function useAuctionCountdown(endsAt: string | null): number {
  return useCountdown(endsAt, undefined, 250);
}
