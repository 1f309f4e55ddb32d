'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { PanelLoading } from './loading-status';

// The shopping zone's parts (show-aside.tsx, and the replay): rendered by the server in place, their code loads
// with the zone's own chunk, not the page's first load, and each hydrates when it arrives.

// The pinned card (with its buy flow) is fetched as soon as the zone runs: the first pin shows at once.
export const preloadPinnedProduct = () => import('./pinned-product');
const LazyPinnedProduct = lazy(() => preloadPinnedProduct().then((m) => ({ default: m.PinnedProduct })));
const LazyChatPanel = lazy(() => import('../../_components/chat-panel').then((m) => ({ default: m.ChatPanel })));
const LazyLineupList = lazy(() => import('./lineup-list').then((m) => ({ default: m.LineupList })));

export function PinnedProduct(props: ComponentProps<typeof LazyPinnedProduct>) {
  return (
    <Suspense fallback={<PanelLoading className="rounded-2xl bg-white/95 text-neutral-600 shadow-xl" />}>
      <LazyPinnedProduct {...props} />
    </Suspense>
  );
}

export function ChatPanel(props: ComponentProps<typeof LazyChatPanel>) {
  return (
    <Suspense fallback={<PanelLoading className="text-white md:text-neutral-600" />}>
      <LazyChatPanel {...props} />
    </Suspense>
  );
}

export function LineupList(props: ComponentProps<typeof LazyLineupList>) {
  return (
    <Suspense>
      <LazyLineupList {...props} />
    </Suspense>
  );
}
