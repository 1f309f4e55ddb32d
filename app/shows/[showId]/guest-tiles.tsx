'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../_i18n/client';
import type { GuestStream } from '../../_lib/media-subscriber';
import type { StageView } from '@/server/domain/stage';

/** One guest on stage: their own video element, so each plays (and decodes) on its own. */
function GuestTile({ guest, name, muted, pip }: { guest: GuestStream; name: string; muted: boolean; pip: boolean }) {
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

/**
 * The host's video with the guests on stage, side by side (a grid that shares
 * the screen: on a phone two tall halves, or the host on top and guests below)
 * or picture in picture (small tiles over the host's video), as the host chose.
 */
export function StageTiles({
  stage,
  guests,
  muted,
  children,
}: {
  stage: StageView;
  guests: GuestStream[];
  muted: boolean;
  children: ReactNode;
}) {
  const named = guests.map((guest) => ({ guest, name: stage.guests.find((g) => g.userId === guest.userId)?.name ?? '' }));
  const pip = stage.layout === 'PICTURE_IN_PICTURE';
  const grid = !pip && named.length > 0;
  // One tree whatever the layout: the host's <video> must never be remounted (it would lose its stream).
  // Side by side, three people: the host takes the top row; two or four: an even grid.
  const cells = !grid ? 'h-full w-full' : `grid h-full w-full gap-0.5 grid-cols-2 ${named.length === 1 ? 'grid-rows-1' : 'grid-rows-2'}`;
  return (
    <>
      <div className={cells} data-testid={grid ? 'stage-grid' : undefined}>
        <div className={grid && named.length === 2 ? 'col-span-2 h-full min-h-0' : 'h-full min-h-0'}>{children}</div>
        {grid &&
          named.map(({ guest, name }) => (
            <div key={guest.userId} className="min-h-0">
              <GuestTile guest={guest} name={name} muted={muted} pip={false} />
            </div>
          ))}
      </div>
      {pip && named.length > 0 && (
        <div className="absolute right-3 top-24 z-[5] flex flex-col gap-2 md:top-4" data-testid="stage-pip">
          {named.map(({ guest, name }) => (
            <GuestTile key={guest.userId} guest={guest} name={name} muted={muted} pip />
          ))}
        </div>
      )}
    </>
  );
}
