'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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
 * Sends the camera whenever the show is live and this connection is not yet
 * sending. A recovered reconnect keeps the running publisher (its WebRTC
 * transport survives a signalling blip); a fresh join (new mediaEpoch) means
 * the server forgot it, so it starts again.
 */
export function usePublisher({ socketRef, showId, stream, live, isHost, connection, mediaEpoch }: PublisherInputs) {
  const publisherRef = useRef<Publisher | null>(null);
  const [publisher, setPublisher] = useState<Publisher | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const publishedEpochRef = useRef(0);
  const startingRef = useRef(false);
  const latestRef = useRef({ stream, mediaEpoch, mounted: true });

  const drop = useCallback(() => {
    publisherRef.current?.close();
    publisherRef.current = null;
    setPublisher(null);
  }, []);

  useEffect(() => {
    latestRef.current = { stream, mediaEpoch, mounted: true };
    const socket = socketRef.current;
    if (publisherRef.current && (publishedEpochRef.current !== mediaEpoch || !live)) drop();
    if (!live || connection !== 'connected' || !isHost || !socket || !stream || publisherRef.current || startingRef.current) return;
    publishedEpochRef.current = mediaEpoch;
    startingRef.current = true;
    setPublishing(true);
    setFailed(false);
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
        },
        () => {
          startingRef.current = false;
          setPublishing(false);
          setFailed(true);
        },
      );
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

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { publisher, publishing, failed, retry, swapTrack };
}
