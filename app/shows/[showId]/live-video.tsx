'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../_i18n/client';
import type { AdaptiveStatus } from '../../_lib/adaptive-video';
import type { WatchHints } from '@/server/media/media-service';
import { startEarlyWatch, takeEarlyWatch } from '../../_lib/early-watch';
import type { Subscriber } from '../../_lib/media-client';
import type { GuestStream } from '../../_lib/media-subscriber';
import type { StageView } from '@/server/domain/stage';
import { StageTiles } from './guest-tiles';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { SoundToggle, TapForSound } from './lazy-parts';
import { useAutoplaySound } from './use-autoplay-sound';
import { useHlsPlayback } from './use-hls-playback';
import type { PlayoutClock } from '../../_lib/playout-clock';

const NO_ADAPTATION: AdaptiveStatus = { paused: false, quality: null };
const NO_STAGE: StageView = { layout: 'SIDE_BY_SIDE', guests: [] };
// A start that fails is tried again on its own this many times before the viewer is told.
const AUTO_RETRIES = 4;
const RETRY_DELAY_MS = 1500;
// WebRTC that shows no picture this long after the host's stream is announced (no ICE through this
// network, a blocked UDP port) gives way to the HLS backup stream.
const WEBRTC_FALLBACK_MS = 12_000;

/** The show's HLS, the second path: `forced` when the node's WebRTC cap is reached (or a test asks). */
export interface HlsPath {
  src: string;
  forced: boolean;
}

/**
 * Plays the host's stream. It starts muted on the lowest simulcast layer, so
 * the picture appears fast and autoplay is always allowed; it then asks for
 * sound (offering "Tap for sound" if the browser says no) and lets the layer
 * policy pick the quality the link and the screen can take.
 *
 * Once it has shown a picture, losing it while the show is live (the media
 * server restarted, the host's stream dropped, this viewer's link failed) reads
 * "Reconnecting…" rather than a frozen frame, and it sets itself up again.
 */
/** soundSlot: where the page wants the mute button and quality label (its top bar); without one they sit on the video. */
export function LiveVideo({
  showId,
  socketRef,
  producerIds,
  mediaEpoch,
  poster,
  live,
  soundSlot = null,
  watchHints = null,
  stage = NO_STAGE,
  hls = null,
  onPlayoutClock,
}: {
  /** Guests on stage and the host's layout; their streams come from the same subscriber. */
  stage?: StageView;
  /** Where the backup stream is; null when the show is not recorded (then there is no fallback). */
  hls?: HlsPath | null;
  /** The HLS player's clock while it plays, null otherwise (WebRTC's is the realtime clock). */
  onPlayoutClock?: (clock: PlayoutClock | null) => void;
  soundSlot?: HTMLElement | null;
  /** Rendered with the page for a live show: media starts while the page hydrates. */
  watchHints?: WatchHints | null;
  showId: string;
  socketRef: RefObject<ShowClientSocket | null>;
  producerIds: string[];
  mediaEpoch: number;
  poster: string;
  live: boolean;
}) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const subscriberRef = useRef<Promise<Subscriber> | null>(null);
  const soundAskedRef = useRef<MediaStream | null>(null);
  const sound = useAutoplaySound(videoRef);
  const startSound = sound.start;
  const [failed, setFailed] = useState(false);
  // null until the element has been read in this browser: the server's HTML says nothing about the picture, because
  // the page's boot script may be playing one before hydration (a prepared watch).
  const [picture, setPicture] = useState<boolean | null>(null);
  const [adaptive, setAdaptive] = useState<AdaptiveStatus>(NO_ADAPTATION);
  const [guests, setGuests] = useState<GuestStream[]>([]);
  const [everPlayed, setEverPlayed] = useState(false);
  const [linkDown, setLinkDown] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const failuresRef = useRef(0);
  const hasMedia = producerIds.length > 0;
  const [onHls, setOnHls] = useState(hls?.forced ?? false);
  const webRtc = hasMedia && !onHls;
  // In render, not in an effect: effects run only once the whole page has hydrated.
  useState(() => watchHints && !onHls && startEarlyWatch(showId, watchHints));
  useHlsPlayback(videoRef, onHls && hasMedia && live && hls ? hls.src : null, onPlayoutClock);

  useEffect(() => void performance.mark('lc:hydrated'), []);

  useEffect(() => {
    const socket = socketRef.current;
    if (!webRtc) return;
    if (!subscriberRef.current) {
      const early = takeEarlyWatch(showId);
      // mediasoup-client loads only once there is something to play: it is the page's heaviest script.
      if (early) subscriberRef.current = early;
      else if (socket) subscriberRef.current = import('../../_lib/media-client').then(({ Subscriber }) => Subscriber.start(socket, showId));
      else return;
    }
    const pending = subscriberRef.current;
    let cancelled = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    pending
      .then(async (subscriber) => {
        subscriber.keepOnly(producerIds);
        for (const producerId of producerIds) await subscriber.consume(producerId);
        const video = videoRef.current;
        // The page's boot script may have put this stream on the element already (an adopted watch): sound is
        // still asked for once per stream.
        if (!cancelled && video && (video.srcObject !== subscriber.stream || soundAskedRef.current !== subscriber.stream)) {
          soundAskedRef.current = subscriber.stream;
          // Assigning even the same stream would restart the element's load (a flash of the poster).
          if (video.srcObject !== subscriber.stream) video.srcObject = subscriber.stream;
          void startSound(video);
        }
        setFailed(false);
      })
      .catch(() => {
        if (cancelled) return;
        // Start again from a new subscriber, a few times, before saying it failed.
        failuresRef.current += 1;
        if (failuresRef.current <= AUTO_RETRIES) retryTimer = setTimeout(() => setAttempt((n) => n + 1), RETRY_DELAY_MS);
        else setFailed(true);
      });
    return () => {
      cancelled = true;
      clearTimeout(retryTimer);
    };
  }, [showId, socketRef, producerIds, webRtc, mediaEpoch, startSound, attempt]);

  // The receive link's own state: a failed one is replaced by a new subscriber.
  useEffect(() => {
    const pending = subscriberRef.current;
    if (!webRtc || !pending) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void pending.then(
      (subscriber) => {
        if (cancelled) return;
        stop = subscriber.onConnectionStateChange((state) => {
          setLinkDown(state === 'disconnected' || state === 'failed');
          if (state === 'connected') failuresRef.current = 0;
          if (state === 'failed') setAttempt((n) => n + 1);
        });
      },
      () => undefined, // the effect above reports a failed start
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [webRtc, mediaEpoch, attempt]);

  // The guests on stage: each arrives and leaves with their tracks.
  useEffect(() => {
    const pending = subscriberRef.current;
    if (!hasMedia || !pending) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void pending.then(
      (subscriber) => {
        if (cancelled) return;
        setGuests(subscriber.guests);
        stop = subscriber.onGuestsChange(setGuests);
      },
      () => undefined, // the effect above reports a failed start
    );
    return () => {
      cancelled = true;
      stop?.();
      setGuests([]);
    };
  }, [hasMedia, mediaEpoch, attempt]);

  // One layer policy per subscriber, for as long as it lives.
  useEffect(() => {
    const pending = subscriberRef.current;
    if (!webRtc || !pending) return;
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
  }, [webRtc, mediaEpoch, attempt]);

  // A new join (a reconnect that could not be recovered) or the host stopping ends
  // every consumer on the server; start clean. React runs this cleanup before the
  // effects above set up again.
  useEffect(() => {
    return () => {
      const pending = subscriberRef.current;
      subscriberRef.current = null;
      void pending?.then(
        (s) => s.close(),
        () => undefined,
      );
      // The <video> element outlives these effects: clear whichever one is on the page now.
      // eslint-disable-next-line react-hooks/exhaustive-deps -- the ref is read at cleanup on purpose
      if (videoRef.current) videoRef.current.srcObject = null;
      setPicture(false);
      setLinkDown(false);
    };
  }, [webRtc, mediaEpoch, attempt]);

  useEffect(() => {
    if (!live) setEverPlayed(false);
  }, [live]);

  // WebRTC gave up, or never showed a picture: the backup stream takes over, by itself.
  const canFallBack = hls !== null && live && !onHls;
  useEffect(() => {
    if (canFallBack && failed) setOnHls(true);
  }, [canFallBack, failed]);
  useEffect(() => {
    if (!canFallBack || !hasMedia || everPlayed) return;
    const timer = setTimeout(() => setOnHls(true), WEBRTC_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [canFallBack, hasMedia, everPlayed]);

  const notePicture = () => {
    const shown = (videoRef.current?.videoWidth ?? 0) > 0;
    setPicture(shown);
    if (shown) setEverPlayed(true);
  };
  // A picture the page's boot script started before hydration (a prepared watch) fired its loadeddata before
  // React listened: without reading it here the player said "Connecting video…" over a moving picture, and
  // after losing it "Connecting" again instead of "Reconnecting".
  useEffect(notePicture, [hasMedia]);
  const reconnecting = live && everPlayed && !failed && (!hasMedia || !picture || linkDown);
  const notice =
    failed && !onHls
      ? null
      : reconnecting
        ? t('viewer.media.reconnecting')
        : adaptive.paused
          ? t('viewer.media.pausedToSaveData')
          : hasMedia && picture === false
            ? t('viewer.media.connecting')
            : null;

  return (
    <div className="relative h-full w-full bg-black">
      <StageTiles stage={stage} guests={guests} muted={sound.muted}>
        <video
          ref={videoRef}
          data-testid="live-video"
          data-boot=""
          data-path={onHls ? 'hls' : 'webrtc'}
          className={`h-full w-full ${guests.length > 0 && stage.layout === 'SIDE_BY_SIDE' ? 'object-cover' : 'object-contain'}`}
          autoPlay
          playsInline
          muted
          poster={poster}
          aria-label={t('viewer.media.videoLabel')}
          onLoadedData={notePicture}
          onResize={notePicture}
        />
      </StageTiles>
      {hasMedia &&
        (soundSlot ? (
          createPortal(<SoundToggle muted={sound.muted} onToggle={sound.toggle} quality={adaptive.quality} />, soundSlot)
        ) : (
          <div className="absolute left-3 top-20">
            <SoundToggle muted={sound.muted} onToggle={sound.toggle} quality={adaptive.quality} />
          </div>
        ))}
      {(hasMedia || reconnecting) && (sound.blocked || notice) && (
        <div className="pointer-events-none absolute inset-x-0 top-1/3 flex flex-col items-center gap-3 px-4">
          {sound.blocked && sound.muted && (
            <div className="pointer-events-auto">
              <TapForSound onUnmute={sound.unmute} />
            </div>
          )}
          {notice && (
            <p role="status" data-testid="video-notice" className="rounded-lg bg-black/70 px-4 py-2 text-sm text-white">
              {notice}
            </p>
          )}
        </div>
      )}
      {onHls && live && (
        <p
          role="status"
          data-testid="backup-stream-notice"
          className="absolute bottom-3 left-3 z-10 rounded-lg bg-black/70 px-3 py-1.5 text-xs text-white"
        >
          {t('viewer.media.backupStream')}
        </p>
      )}
      {failed && !onHls && (
        <p role="alert" className="absolute inset-x-0 bottom-1/2 mx-auto w-fit rounded-lg bg-black/70 px-4 py-2 text-sm text-white">
          {t('viewer.media.failed')}
        </p>
      )}
    </div>
  );
}
