'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Subscriber } from '../../_lib/media-client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { MutedIcon } from '../../_components/icons';

/**
 * Plays the host's stream. The video starts muted because browsers only allow
 * muted autoplay; a clear "Tap for sound" button unmutes it.
 */
export function LiveVideo({ showId, socketRef, producerIds, mediaEpoch, poster }: { showId: string; socketRef: RefObject<ShowClientSocket | null>; producerIds: string[]; mediaEpoch: number; poster: string }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const subscriberRef = useRef<Promise<Subscriber> | null>(null);
  const [muted, setMuted] = useState(true);
  const [failed, setFailed] = useState(false);
  const hasMedia = producerIds.length > 0;

  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || !hasMedia) return;
    // mediasoup-client loads only once there is something to play: it is the page's heaviest script.
    subscriberRef.current ??= import('../../_lib/media-client').then(({ Subscriber }) => Subscriber.start(socket, showId));
    const pending = subscriberRef.current;
    let cancelled = false;
    pending
      .then(async (subscriber) => {
        subscriber.keepOnly(producerIds);
        for (const producerId of producerIds) await subscriber.consume(producerId);
        const video = videoRef.current;
        if (!cancelled && video && video.srcObject !== subscriber.stream) {
          video.srcObject = subscriber.stream;
          await video.play().catch(() => undefined); // autoplay refusal: the "Tap for sound" button plays it
        }
        setFailed(false);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [showId, socketRef, producerIds, hasMedia, mediaEpoch]);

  // A new join (a reconnect that could not be recovered) or the host stopping ends
  // every consumer on the server; start clean. React runs this cleanup before the
  // effect above sets up again.
  useEffect(() => {
    return () => {
      const pending = subscriberRef.current;
      subscriberRef.current = null;
      void pending?.then((s) => s.close(), () => undefined);
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, [hasMedia, mediaEpoch]);

  return (
    <div className="relative h-full w-full bg-black">
      <video ref={videoRef} data-testid="live-video" className="h-full w-full object-contain" autoPlay playsInline muted={muted} poster={poster} aria-label="Live video" />
      {hasMedia && muted && (
        <button
          type="button"
          onClick={() => {
            setMuted(false);
            void videoRef.current?.play();
          }}
          className="absolute left-3 top-20 rounded-full bg-black/60 px-3 py-1.5 text-sm font-semibold text-white backdrop-blur hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-white"
        >
          <MutedIcon /> Tap for sound
        </button>
      )}
      {failed && (
        <p role="alert" className="absolute inset-x-0 bottom-1/2 mx-auto w-fit rounded-lg bg-black/70 px-4 py-2 text-sm text-white">
          We could not start the video. Reload the page to try again.
        </p>
      )}
    </div>
  );
}
