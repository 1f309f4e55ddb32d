'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import type { GuestStream } from '../../_lib/media-subscriber';
import type { StageView } from '@/server/domain/stage';

// A guest's tile loads when someone goes on stage: most shows never have one, so the first load does not carry it.
const GuestTile = lazy(() => import('./guest-tile').then((m) => ({ default: m.GuestTile })));

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
              <Suspense>
                <GuestTile guest={guest} name={name} muted={muted} pip={false} />
              </Suspense>
            </div>
          ))}
      </div>
      {pip && named.length > 0 && (
        <div className="absolute right-3 top-24 z-[5] flex flex-col gap-2 md:top-4" data-testid="stage-pip">
          <Suspense>
            {named.map(({ guest, name }) => (
              <GuestTile key={guest.userId} guest={guest} name={name} muted={muted} pip />
            ))}
          </Suspense>
        </div>
      )}
    </>
  );
}
