'use client';

import { useEffect, useRef, type RefObject } from 'react';
import type { WatchHints } from '@/server/media/media-service';
import type { Subscriber } from '../_lib/media-client';
import { connectShowSocket, request, type ShowClientSocket } from '../_lib/show-socket';

export interface FeedMediaShow {
  id: string;
  watchHints: WatchHints | null;
}

/**
 * The feed's media on one connection: the current show plays; the next one (in
 * the direction of the last swipe) is
 * prepared (receive transport connected, consumers paused on the server, its
 * <video> already holding the stream) so a swipe only has to resume it, which
 * makes mediasoup ask the host for a key frame at once; every other show is
 * released (show:leave), so the feed never receives more than one show and
 * the server's two-shows-per-connection cap holds.
 */
export function useFeedMedia(shows: FeedMediaShow[], current: number, videos: RefObject<Map<string, HTMLVideoElement>>): void {
  const socketRef = useRef<Promise<ShowClientSocket> | null>(null);
  const subscribers = useRef(new Map<string, Promise<Subscriber>>());
  // Each change of the current show runs after the one before has finished.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const lastIndex = useRef(current);

  useEffect(() => {
    const all = subscribers.current;
    return () => {
      for (const pending of all.values()) pending.then((s) => s.close()).catch(() => undefined);
      all.clear();
      void socketRef.current?.then((socket) => socket.disconnect());
      socketRef.current = null;
    };
  }, []);

  useEffect(() => {
    const socketPending = (socketRef.current ??= connectShowSocket());
    // The show to prepare is the one the viewer is heading to; at either end of the feed, the one just left.
    const direction = current >= lastIndex.current ? 1 : -1;
    lastIndex.current = current;
    const currentShow = shows[current];
    const nextShow = shows[current + direction] ?? shows[current - direction];
    const all = subscribers.current;

    const start = (show: FeedMediaShow, paused: boolean, socket: ShowClientSocket): Promise<Subscriber> | null => {
      const hints = show.watchHints;
      if (!hints) return null; // nothing sent yet: the poster stays
      const pending = import('../_lib/media-client').then(({ Subscriber }) =>
        Subscriber.watch(socket, show.id, hints.routerRtpCapabilities, paused),
      );
      all.set(show.id, pending);
      pending.catch(() => all.get(show.id) === pending && all.delete(show.id));
      return pending;
    };
    const attach = (showId: string, subscriber: Subscriber) => {
      const video = videos.current.get(showId);
      if (video && video.srcObject !== subscriber.stream) video.srcObject = subscriber.stream;
    };

    // The swipe's own step: resume the prepared show at once, not behind the queue (which may still be
    // preparing or releasing for the swipe before); the queued step resumes it again, which is a no-op.
    const prepared = currentShow && all.get(currentShow.id);
    if (prepared)
      void prepared
        .then((subscriber) => {
          attach(currentShow.id, subscriber);
          return subscriber.resumePaused();
        })
        .catch(() => undefined);

    const step = async () => {
      const socket = await socketPending;
      // A quick swipe back may have paused this show in the step before: it plays, whatever came first.
      if (prepared) await (await prepared).resumePaused();
      // Then release what is neither current nor next, before asking for another show's media.
      for (const [showId, pending] of [...all]) {
        if (showId === currentShow?.id || showId === nextShow?.id) continue;
        all.delete(showId);
        pending.then((s) => s.close()).catch(() => undefined);
        await request(socket, 'show:leave', { showId });
      }
      if (currentShow && !prepared) {
        const pending = start(currentShow, false, socket);
        if (pending) attach(currentShow.id, await pending);
      }
      if (nextShow) {
        const existing = all.get(nextShow.id);
        const pending = existing ?? start(nextShow, true, socket);
        const subscriber = pending && (await pending);
        if (subscriber) {
          attach(nextShow.id, subscriber);
          // Swiped back: the show below was playing; it waits paused now.
          if (existing) await subscriber.pauseAll();
        }
      }
    };
    queue.current = queue.current.then(step).catch(() => undefined);
  }, [shows, current, videos]);
}
