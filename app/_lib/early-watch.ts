'use client';

import type { WatchHints } from '@/server/media/media-service';
import type { Subscriber } from './media-subscriber';
import { openShowSocketEarly } from './show-socket';

// One early start per show and page load; null once the player took it.
const started = new Map<string, Promise<Subscriber> | null>();

/**
 * Starts a viewer's receive side while the page hydrates, instead of after
 * hydration, the socket, the join and three media round trips one after the
 * other: the socket opens, mediasoup-client loads and its device is loaded from
 * the router capabilities rendered with the page, all at once; then one
 * media:watch answers the transport and running consumers. Called from render
 * (a lazy state initialiser), so it must stay idempotent.
 */
export function startEarlyWatch(showId: string, hints: WatchHints): void {
  if (typeof window === 'undefined' || started.has(showId)) return;
  const subscriber = Promise.all([openShowSocketEarly(), import('./media-client')]).then(([socket, { Subscriber }]) =>
    Subscriber.first(socket, showId, hints.routerRtpCapabilities),
  );
  // The player reports a failure when it takes this; until then it must not count as unhandled.
  subscriber.catch(() => undefined);
  started.set(showId, subscriber);
}

/** The early start for this show, once: a later player (after a sign-in, a retry) starts its own. */
export function takeEarlyWatch(showId: string): Promise<Subscriber> | null {
  const subscriber = started.get(showId) ?? null;
  started.set(showId, null);
  return subscriber;
}
