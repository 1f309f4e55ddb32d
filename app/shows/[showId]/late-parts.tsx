'use client';

import { serverRenderedLazy } from '@/app/_lib/server-rendered-lazy';

// Parts of the show page that the server renders in place only when the show is not live (an ended show's
// replay, an upcoming show's countdown): a live show's viewers, who are most of them, never run
// them, so their code loads beside the page's first load and hydrates the server's HTML when it arrives
// (server-rendered-lazy.tsx).
export const ReplayViewer = serverRenderedLazy(() => import('./replay/replay-viewer').then((m) => m.ReplayViewer));
export const Countdown = serverRenderedLazy(() => import('./countdown').then((m) => m.Countdown));
