'use client';

import { serverRenderedLazy } from '@/app/_lib/server-rendered-lazy';
import { PanelLoading } from './loading-status';

// The shopping zone's parts (show-aside.tsx, and the replay): rendered by the server in place, their code loads
// with the zone's own chunk, not the page's first load, and each hydrates when it arrives (server-rendered-lazy.tsx).

// The pinned card (with its buy flow) is fetched as soon as the zone runs: the first pin shows at once.
export const preloadPinnedProduct = () => import('./pinned-product');
export const PinnedProduct = serverRenderedLazy(
  () => preloadPinnedProduct().then((m) => m.PinnedProduct),
  <PanelLoading className="rounded-2xl bg-white/95 text-neutral-600 shadow-xl" />,
);
export const ChatPanel = serverRenderedLazy(
  () => import('../../_components/chat-panel').then((m) => m.ChatPanel),
  <PanelLoading className="text-white md:text-neutral-600" />,
);
export const LineupList = serverRenderedLazy(() => import('./lineup-list').then((m) => m.LineupList));
