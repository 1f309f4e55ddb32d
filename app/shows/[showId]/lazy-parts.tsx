'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { PanelLoading } from './loading-status';

// Parts of the viewer page that the server renders in place but whose code stays out of
// the page's first load (Next builds it from every client component the page could
// render): each loads beside it, and hydrates when it arrives.

// The pinned card (with its buy flow) and the chat show what the show channel brings after hydration.
export const preloadPinnedProduct = () => import('./pinned-product');
const LazyPinnedProduct = lazy(() => preloadPinnedProduct().then((m) => ({ default: m.PinnedProduct })));
const LazyChatPanel = lazy(() => import('../../_components/chat-panel').then((m) => ({ default: m.ChatPanel })));
// Reactions and sharing work once the player is up; their buttons are in the server's HTML meanwhile.
const LazyReactionBar = lazy(() => import('./reactions').then((m) => ({ default: m.ReactionBar })));
const LazyFloatingReactions = lazy(() => import('./reactions').then((m) => ({ default: m.FloatingReactions })));
const LazyShareButton = lazy(() => import('./share-button').then((m) => ({ default: m.ShareButton })));
// The lineup (its list beside the video, its strip in an opened card) and the video's sound buttons, which
// the page renders only once it runs, are not needed for the first frame either.
const LazyLineupList = lazy(() => import('./lineup-list').then((m) => ({ default: m.LineupList })));
const LazySoundToggle = lazy(() => import('./sound-controls').then((m) => ({ default: m.SoundToggle })));
const LazyTapForSound = lazy(() => import('./sound-controls').then((m) => ({ default: m.TapForSound })));
// Only a scheduled or an ended show renders these: a live show never downloads them.
const LazyFollowButton = lazy(() => import('../../_components/follow-button').then((m) => ({ default: m.FollowButton })));

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

export function ReactionBar(props: ComponentProps<typeof LazyReactionBar>) {
  return (
    <Suspense>
      <LazyReactionBar {...props} />
    </Suspense>
  );
}

export function FloatingReactions(props: ComponentProps<typeof LazyFloatingReactions>) {
  return (
    <Suspense>
      <LazyFloatingReactions {...props} />
    </Suspense>
  );
}

export function ShareButton(props: ComponentProps<typeof LazyShareButton>) {
  return (
    <Suspense>
      <LazyShareButton {...props} />
    </Suspense>
  );
}

export function FollowButton(props: ComponentProps<typeof LazyFollowButton>) {
  return (
    <Suspense>
      <LazyFollowButton {...props} />
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

export function SoundToggle(props: ComponentProps<typeof LazySoundToggle>) {
  return (
    <Suspense>
      <LazySoundToggle {...props} />
    </Suspense>
  );
}

export function TapForSound(props: ComponentProps<typeof LazyTapForSound>) {
  return (
    <Suspense>
      <LazyTapForSound {...props} />
    </Suspense>
  );
}
