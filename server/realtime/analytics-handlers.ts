import type { HandlerRegistrar } from './handler';
import { personKey, requireJoined, type ConnectionContext } from './context';
import { productTapSchema } from './protocol';

// The funnel counts people, so one tap per socket and product is all the report needs;
// the cap keeps a client that invents product ids from growing this set without end.
const MAX_TAPS_PER_SOCKET = 200;

export function registerAnalyticsHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, analytics } = ctx;
  const tapped = new Set<string>();

  on.on('product:tap', productTapSchema, async ({ showId, productId }) => {
    requireJoined(socket, showId);
    const key = `${showId} ${productId}`;
    if (tapped.has(key) || tapped.size >= MAX_TAPS_PER_SOCKET) return {};
    tapped.add(key);
    analytics.record({ showId, kind: 'tap', viewer: personKey(socket), productId });
    return {};
  });
}
