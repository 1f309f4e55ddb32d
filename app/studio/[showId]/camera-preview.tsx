'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ShowStatus } from '@/server/domain/shows';
import { EyeIcon } from '../../_components/icons';
import type { CapturePhase } from './use-capture-devices';

const STATUS_KEY = { SCHEDULED: 'studio.status.scheduled', LIVE: 'studio.status.live', ENDED: 'studio.status.ended', CANCELLED: 'studio.status.cancelled' } as const satisfies Record<ShowStatus, string>;

/** The host's own picture with the show's status, audience and sending state on top. */
export function CameraPreview({ stream, phase, status, viewerCount, publishing }: { stream: MediaStream | null; phase: CapturePhase; status: ShowStatus; viewerCount: number; publishing: boolean }) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const live = status === 'LIVE';

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
  }, [stream]);

  return (
    <div className="relative aspect-video overflow-hidden rounded-2xl bg-black">
      <video ref={videoRef} data-testid="studio-preview" className="h-full w-full object-cover" autoPlay playsInline muted aria-label={t('studio.preview')} />
      {phase !== 'ready' && (
        <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white/90">{phase === 'asking' ? t('studio.devices.asking') : t('studio.cameraOff')}</p>
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
        {publishing && <span className="rounded bg-black/60 px-2 py-0.5">{t('studio.connectingVideo')}</span>}
      </div>
    </div>
  );
}
