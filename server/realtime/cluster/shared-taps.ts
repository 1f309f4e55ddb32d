import type { SharedTaps } from '../../domain/orders';
import type { ClusterLink } from './link';

// A retry follows a lost acknowledgement within seconds; a day is far past any.
const KEEP_MS = 24 * 60 * 60 * 1000;
const key = (tapKey: string) => `live-commerce:tap:${tapKey}`;

/** The taps every node has handled, so a retry on another node reaches the database (server/domain/orders/orders.ts). */
export function redisSharedTaps(link: ClusterLink): SharedTaps {
  return {
    seen: async (tapKey) => (await link.client.exists(key(tapKey))) === 1,
    async remember(tapKey) {
      await link.client.set(key(tapKey), '1', { PX: KEEP_MS });
    },
  };
}
