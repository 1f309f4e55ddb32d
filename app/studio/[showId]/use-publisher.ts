'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ConnectionState as TransportState } from 'mediasoup-client/types';
import type { Publisher } from '../../_lib/media-client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';
import type { SwapTrack } from './use-capture-devices';

interface PublisherInputs {
  socketRef: RefObject<ShowClientSocket | null>;
  showId: string;
  stream: MediaStream | null;
  live: boolean;
  isHost: boolean;
  connection: ConnectionState;
  mediaEpoch: number;
}

/**
 * What the studio says about its outgoing video: `off` (not live), `connecting`
 * (first start), `publishing` (the media server receives it), `reconnecting`
 * (it was sent and is being sent again: the link dropped or the media server
 * restarted), `failed` (given up; the host can retry).
 */
export type MediaState = 'off' | 'connecting' | 'publishing' | 'reconnecting' | 'failed';

// Starts that fail are tried again on their own a few times before the host is asked.
const AUTO_RETRIES = 3;
const RETRY_DELAY_MS = 2000;

/**
 * Sends the camera whenever the show is live and this connection is not yet
 * sending. A recovered reconnect keeps the running publisher (its WebRTC
 * transport survives a signalling blip); a fresh join or a media server restart
 * (new mediaEpoch) means the server forgot it, so it starts again. A send
 * transport that fails is replaced the same way.
 */
export function usePublisher({ socketRef, showId, stream, live, isHost, connection, mediaEpoch }: PublisherInputs) {
  const publisherRef = useRef<Publisher | null>(null);
  const [publisher, setPublisher] = useState<Publisher | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [transportState, setTransportState] = useState<TransportState>('new');
  // Whether video went out in this live session: a new start is then a reconnection.
  const [wasSent, setWasSent] = useState(false);
  const failuresRef = useRef(0);
  const publishedEpochRef = useRef(0);
  const startingRef = useRef(false);
  const latestRef = useRef({ stream, mediaEpoch, mounted: true });

  const drop = useCallback(() => {
    publisherRef.current?.close();
    publisherRef.current = null;
    setPublisher(null);
    setTransportState('new');
  }, []);

  useEffect(() => {
    latestRef.current = { stream, mediaEpoch, mounted: true };
    const socket = socketRef.current;
    if (publisherRef.current && (publishedEpochRef.current !== mediaEpoch || !live)) drop();
    if (!live) setWasSent(false);
    if (!live || connection !== 'connected' || !isHost || !socket || !stream || publisherRef.current || startingRef.current) return;
    publishedEpochRef.current = mediaEpoch;
    startingRef.current = true;
    setPublishing(true);
    setFailed(false);
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    import('../../_lib/media-client')
      .then(({ Publisher }) => Publisher.start(socket, showId, stream))
      .then(
        (started) => {
          startingRef.current = false;
          setPublishing(false);
          const latest = latestRef.current;
          // A device switch or a fresh join happened meanwhile: this one is stale, start over.
          if (!latest.mounted || latest.stream !== stream || latest.mediaEpoch !== mediaEpoch) {
            started.close();
            if (latest.mounted) setAttempt((n) => n + 1);
            return;
          }
          publisherRef.current = started;
          setPublisher(started);
          // Listened to at once: the transport may connect before any effect could subscribe.
          const onState = (state: TransportState) => {
            if (publisherRef.current !== started) return;
            setTransportState(state);
            if (state === 'connected') setWasSent(true);
            // A transport that failed does not come back by itself: start a new one.
            if (state === 'connected') failuresRef.current = 0;
            if (state === 'failed') {
              drop();
              failuresRef.current += 1;
              if (failuresRef.current <= AUTO_RETRIES) setAttempt((n) => n + 1);
              else setFailed(true);
            }
          };
          started.onConnectionStateChange(onState);
          onState(started.connectionState);
        },
        () => {
          startingRef.current = false;
          setPublishing(false);
          if (!latestRef.current.mounted) return;
          failuresRef.current += 1;
          if (failuresRef.current <= AUTO_RETRIES)
            retryTimer = setTimeout(() => setAttempt((n) => n + 1), RETRY_DELAY_MS * failuresRef.current);
          else setFailed(true);
        },
      );
    return () => clearTimeout(retryTimer);
  }, [live, connection, isHost, mediaEpoch, socketRef, showId, stream, attempt, drop]);

  useEffect(
    () => () => {
      latestRef.current.mounted = false;
      publisherRef.current?.close();
      publisherRef.current = null;
    },
    [],
  );

  /** While sending, a new device goes out by track replacement, so viewers keep their stream. */
  const swapTrack = useCallback<SwapTrack>(async (kind, track) => {
    // Not sending (yet): the next start, or the restart of a stale one, picks up the new stream.
    await publisherRef.current?.replaceTrack(kind, track);
  }, []);

  const retry = useCallback(() => {
    failuresRef.current = 0;
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);

  const mediaState = describeMediaState({
    live,
    isHost,
    failed,
    publisher: publisher !== null,
    transportState,
    wasSent,
    socketUp: connection === 'connected',
  });
  return { publisher, publishing, failed, retry, swapTrack, mediaState };
}

function describeMediaState(s: {
  live: boolean;
  isHost: boolean;
  failed: boolean;
  publisher: boolean;
  transportState: TransportState;
  wasSent: boolean;
  socketUp: boolean;
}): MediaState {
  if (!s.live || !s.isHost) return 'off';
  if (s.failed) return 'failed';
  if (s.publisher && s.transportState === 'connected') return 'publishing';
  return s.wasSent || !s.socketUp ? 'reconnecting' : 'connecting';
}
