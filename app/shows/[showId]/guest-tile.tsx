'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '../../_i18n/client';
import type { GuestStream } from '../../_lib/media-subscriber';

/** One guest on stage: their own video element, so each plays (and decodes) on its own. */
export function GuestTile({ guest, name, muted, pip }: { guest: GuestStream; name: string; muted: boolean; pip: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== guest.stream) video.srcObject = guest.stream;
  }, [guest.stream]);
  // The guest's own layer policy, sized to this tile: lowest layer first, up as the tile and the link allow.
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('../../_lib/adaptive-video').then(({ adaptVideo }) => {
      if (!cancelled) stop = adaptVideo(guest.feed, video, () => undefined);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [guest.feed]);
  return (
    <figure
      className={
        pip
          ? 'relative aspect-[3/4] w-20 overflow-hidden rounded-xl border-2 border-white/80 bg-neutral-900 shadow-lg sm:w-28'
          : 'relative h-full w-full overflow-hidden bg-neutral-900'
      }
    >
      <video
        ref={ref}
        data-testid="guest-video"
        data-guest={guest.userId}
        className="h-full w-full object-cover"
        autoPlay
        playsInline
        muted={muted}
        aria-label={t('viewer.stage.guestLabel', { name })}
      />
      <figcaption
        className={`absolute left-1 max-w-[90%] truncate rounded bg-black/60 px-1.5 py-0.5 text-xs text-white ${pip ? 'bottom-1' : 'top-40 md:top-auto md:bottom-1'}`}
      >
        {name}
      </figcaption>
    </figure>
  );
}
