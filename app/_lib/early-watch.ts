'use client';

import type { WatchHints } from '@/server/media/media-service';
import type { BootWatch } from './adopted-watch';
import type { Subscriber } from './media-subscriber';
import { openShowSocketEarly } from './show-socket';

/** The boot script's watch, once (see adopted-watch.ts; read here so the early start needs no extra chunk). */
function takeBootWatch(): BootWatch | null {
  const holder = window as unknown as { __lcBoot?: BootWatch | null };
  const boot = holder.__lcBoot ?? null;
  holder.__lcBoot = null;
  return boot;
}

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
  // The page's boot script may have connected a receive side prepared with the page (boot-watch.ts): adopt it,
  // and watch the ordinary way if that fails.
  const boot = takeBootWatch();
  const subscriber = Promise.all([openShowSocketEarly(), import('./media-client')]).then(([socket, { Subscriber }]) =>
    boot
      ? Subscriber.adopt(socket, showId, hints.routerRtpCapabilities, boot).catch(() =>
          Subscriber.watch(socket, showId, hints.routerRtpCapabilities),
        )
      : Subscriber.watch(socket, showId, hints.routerRtpCapabilities),
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
