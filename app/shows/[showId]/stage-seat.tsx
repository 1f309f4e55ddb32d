'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { StageSeat as Seat } from '@/server/domain/stage';
import { errorText } from '@/app/_i18n/error-text';
import { useI18n } from '../../_i18n/client';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { usePublisher } from '../../studio/[showId]/use-publisher';
import type { ConnectionState } from './use-show-channel';

const BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-full px-4 text-sm font-bold focus-visible:outline-2 focus-visible:outline-brand-500';

interface SeatProps {
  showId: string;
  socketRef: RefObject<ShowClientSocket | null>;
  seat: Seat;
  hostName: string;
  live: boolean;
  connection: ConnectionState;
  mediaEpoch: number;
}

/**
 * This person's part on stage, on the show page: the host's invitation (join
 * or not), then, once on stage, their camera and microphone sent exactly as the
 * studio sends the host's (the same publisher: simulcast layers, bitrate caps),
 * a small preview of themselves, and a way off the stage. Removed by the host,
 * the seat becomes null and sending stops with this component.
 */
export function StageSeat({ showId, socketRef, seat, hostName, live, connection, mediaEpoch }: SeatProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!live || seat === null) return null;

  const answer = async (event: 'stage:accept' | 'stage:decline' | 'stage:leave') => {
    const socket = socketRef.current;
    if (!socket) return setError(t('viewer.status.notConnected'));
    setBusy(true);
    const response = await request(socket, event, { showId });
    setBusy(false);
    setError(response.ok ? null : errorText(t, response.error));
  };

  if (seat === 'INVITED')
    return (
      <section
        role="dialog"
        aria-labelledby="stage-invite-title"
        className="pointer-events-auto w-full max-w-sm rounded-2xl bg-white p-4 text-ink shadow-xl"
        data-testid="stage-invitation"
      >
        <h2 id="stage-invite-title" className="font-semibold">
          {t('viewer.stage.invitedTitle', { host: hostName })}
        </h2>
        <p className="mt-1 text-sm text-neutral-700">{t('viewer.stage.invitedBody')}</p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" disabled={busy} onClick={() => void answer('stage:accept')} className={`${BUTTON} bg-brand-600 text-white`}>
            {t('viewer.stage.accept')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void answer('stage:decline')}
            className={`${BUTTON} border border-neutral-300 bg-white`}
          >
            {t('viewer.stage.decline')}
          </button>
        </div>
      </section>
    );

  return (
    <OnStage
      showId={showId}
      socketRef={socketRef}
      connection={connection}
      mediaEpoch={mediaEpoch}
      error={error}
      busy={busy}
      onLeave={() => void answer('stage:leave')}
    />
  );
}

/**
 * Opens the camera and microphone for as long as the guest is on stage. The
 * show page every viewer opens may not use them (Permissions-Policy): the guest's
 * own page is `/shows/<id>?stage`, loaded afresh, which may.
 */
function useGuestCamera(): { stream: MediaStream | null; failed: boolean } {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('stage')) {
      url.searchParams.set('stage', '1');
      window.location.replace(url);
      return;
    }
    let opened: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({
        // The studio's own constraints: guests send what the host sends.
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
        audio: { echoCancellation: true, noiseSuppression: true },
      })
      .then(
        (media) => {
          if (cancelled) return media.getTracks().forEach((track) => track.stop());
          opened = media;
          setStream(media);
        },
        () => !cancelled && setFailed(true),
      );
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return { stream, failed };
}

function OnStage({
  showId,
  socketRef,
  connection,
  mediaEpoch,
  error,
  busy,
  onLeave,
}: {
  showId: string;
  socketRef: RefObject<ShowClientSocket | null>;
  connection: ConnectionState;
  mediaEpoch: number;
  error: string | null;
  busy: boolean;
  onLeave: () => void;
}) {
  const { t } = useI18n();
  const camera = useGuestCamera();
  const sending = usePublisher({ socketRef, showId, stream: camera.stream, live: true, isHost: true, connection, mediaEpoch });
  const previewRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (previewRef.current && camera.stream) previewRef.current.srcObject = camera.stream;
  }, [camera.stream]);
  const status = camera.failed
    ? t('viewer.stage.cameraFailed')
    : sending.mediaState === 'failed'
      ? t('viewer.media.failed')
      : sending.mediaState === 'publishing'
        ? t('viewer.stage.onStage')
        : t('viewer.stage.connecting');
  return (
    <section
      aria-label={t('viewer.stage.yourSeat')}
      className="pointer-events-auto flex w-40 flex-col gap-2 rounded-2xl bg-black/70 p-2 text-white shadow-xl"
      data-testid="stage-self"
    >
      <video
        ref={previewRef}
        className="aspect-[3/4] w-full rounded-xl bg-neutral-900 object-cover"
        autoPlay
        playsInline
        muted
        aria-label={t('viewer.stage.selfLabel')}
      />
      <p role="status" className="text-xs" data-testid="stage-status" data-state={sending.mediaState}>
        {status}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-200">
          {error}
        </p>
      )}
      <button type="button" disabled={busy} onClick={onLeave} className={`${BUTTON} min-h-9 bg-white text-ink`}>
        {t('viewer.stage.leave')}
      </button>
    </section>
  );
}
