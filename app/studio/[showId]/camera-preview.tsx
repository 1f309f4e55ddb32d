'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ShowStatus } from '@/server/domain/shows';
import { EyeIcon } from '../../_components/icons';
import type { CapturePhase } from './use-capture-devices';
import type { MediaState } from './use-publisher';

const STATUS_KEY = {
  SCHEDULED: 'studio.status.scheduled',
  LIVE: 'studio.status.live',
  ENDED: 'studio.status.ended',
  CANCELLED: 'studio.status.cancelled',
} as const satisfies Record<ShowStatus, string>;
const MEDIA_KEY = {
  connecting: 'studio.media.connecting',
  publishing: 'studio.media.publishing',
  reconnecting: 'studio.media.reconnecting',
  failed: 'studio.media.failed',
} as const satisfies Record<Exclude<MediaState, 'off'>, string>;
const MEDIA_STYLE = {
  connecting: 'bg-black/60',
  publishing: 'bg-green-700',
  reconnecting: 'bg-amber-600',
  failed: 'bg-red-700',
} as const satisfies Record<Exclude<MediaState, 'off'>, string>;

/**
 * The host's own picture with the show's status, audience and sending state on
 * top. "Live" alone says nothing about the video: the media state says whether
 * the media server actually receives it.
 */
export function CameraPreview({
  stream,
  phase,
  status,
  viewerCount,
  mediaState,
}: {
  stream: MediaStream | null;
  phase: CapturePhase;
  status: ShowStatus;
  viewerCount: number;
  mediaState: MediaState;
}) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const live = status === 'LIVE';

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
  }, [stream]);

  return (
    <div className="relative aspect-video overflow-hidden rounded-2xl bg-black">
      <video
        ref={videoRef}
        data-testid="studio-preview"
        className="h-full w-full object-cover"
        autoPlay
        playsInline
        muted
        aria-label={t('studio.preview')}
      />
      {phase !== 'ready' && (
        <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white/90">
          {phase === 'asking' ? t('studio.devices.asking') : t('studio.cameraOff')}
        </p>
      )}
      <div className="absolute left-3 top-3 flex flex-wrap gap-2 text-sm text-white">
        <span className={`rounded px-2 py-0.5 font-bold uppercase ${live ? 'bg-brand-500' : 'bg-neutral-700'}`} data-testid="studio-status">
          {t(STATUS_KEY[status])}
        </span>
        <span className="inline-flex items-center gap-1 rounded bg-black/60 px-2 py-0.5">
          <EyeIcon />
          <span aria-hidden="true">{viewerCount}</span>
          <span className="sr-only">{t('studio.watching', { count: viewerCount })}</span>
        </span>
        {mediaState !== 'off' && (
          <span
            role="status"
            data-testid="studio-media-state"
            data-state={mediaState}
            className={`rounded px-2 py-0.5 ${MEDIA_STYLE[mediaState]}`}
          >
            {t(MEDIA_KEY[mediaState])}
          </span>
        )}
      </div>
    </div>
  );
}
