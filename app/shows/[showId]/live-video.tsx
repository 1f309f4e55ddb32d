'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../_i18n/client';
import type { AdaptiveStatus } from '../../_lib/adaptive-video';
import type { Subscriber } from '../../_lib/media-client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { SoundToggle, TapForSound } from './sound-controls';
import { useAutoplaySound } from './use-autoplay-sound';

const NO_ADAPTATION: AdaptiveStatus = { paused: false, quality: null };

/**
 * Plays the host's stream. It starts muted on the lowest simulcast layer, so
 * the picture appears fast and autoplay is always allowed; it then asks for
 * sound (offering "Tap for sound" if the browser says no) and lets the layer
 * policy pick the quality the link and the screen can take.
 */
export function LiveVideo({ showId, socketRef, producerIds, mediaEpoch, poster }: { showId: string; socketRef: RefObject<ShowClientSocket | null>; producerIds: string[]; mediaEpoch: number; poster: string }) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const subscriberRef = useRef<Promise<Subscriber> | null>(null);
  const sound = useAutoplaySound(videoRef);
  const startSound = sound.start;
  const [failed, setFailed] = useState(false);
  const [picture, setPicture] = useState(false);
  const [adaptive, setAdaptive] = useState<AdaptiveStatus>(NO_ADAPTATION);
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
          void startSound(video);
        }
        setFailed(false);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [showId, socketRef, producerIds, hasMedia, mediaEpoch, startSound]);

  // One layer policy per subscriber, for as long as it lives.
  useEffect(() => {
    const pending = subscriberRef.current;
    if (!hasMedia || !pending) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void Promise.all([pending, import('../../_lib/adaptive-video')]).then(
      ([subscriber, { adaptVideo }]) => {
        const video = videoRef.current;
        if (!cancelled && video) stop = adaptVideo(subscriber, video, setAdaptive);
      },
      () => undefined, // the effect above reports a failed start
    );
    return () => {
      cancelled = true;
      stop?.();
      setAdaptive(NO_ADAPTATION);
    };
  }, [hasMedia, mediaEpoch]);

  // A new join (a reconnect that could not be recovered) or the host stopping ends
  // every consumer on the server; start clean. React runs this cleanup before the
  // effects above set up again.
  useEffect(() => {
    return () => {
      const pending = subscriberRef.current;
      subscriberRef.current = null;
      void pending?.then((s) => s.close(), () => undefined);
      if (videoRef.current) videoRef.current.srcObject = null;
      setPicture(false);
    };
  }, [hasMedia, mediaEpoch]);

  const notePicture = () => setPicture((videoRef.current?.videoWidth ?? 0) > 0);
  const notice = failed ? null : adaptive.paused ? t('viewer.media.pausedToSaveData') : hasMedia && !picture ? t('viewer.media.connecting') : null;

  return (
    <div className="relative h-full w-full bg-black">
      <video
        ref={videoRef}
        data-testid="live-video"
        className="h-full w-full object-contain"
        autoPlay
        playsInline
        muted
        poster={poster}
        aria-label={t('viewer.media.videoLabel')}
        onLoadedData={notePicture}
        onResize={notePicture}
      />
      {hasMedia && (
        <div className="absolute left-3 top-20">
          <SoundToggle muted={sound.muted} onToggle={sound.toggle} quality={adaptive.quality} />
        </div>
      )}
      {hasMedia && (sound.blocked || notice) && (
        <div className="pointer-events-none absolute inset-x-0 top-1/3 flex flex-col items-center gap-3 px-4">
          {sound.blocked && sound.muted && (
            <div className="pointer-events-auto">
              <TapForSound onUnmute={sound.unmute} />
            </div>
          )}
          {notice && (
            <p role="status" className="rounded-lg bg-black/70 px-4 py-2 text-sm text-white">
              {notice}
            </p>
          )}
        </div>
      )}
      {failed && (
        <p role="alert" className="absolute inset-x-0 bottom-1/2 mx-auto w-fit rounded-lg bg-black/70 px-4 py-2 text-sm text-white">
          {t('viewer.media.failed')}
        </p>
      )}
    </div>
  );
}
