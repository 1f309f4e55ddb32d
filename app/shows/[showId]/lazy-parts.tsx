'use client';

import { lazy, Suspense, type ComponentProps } from 'react';

// Parts of the viewer page that the server renders in place but whose code stays out of
// the page's first load (Next builds it from every client component the page could
// render): each loads beside it, and hydrates when it arrives.

// Reactions and sharing work once the player is up; their buttons are in the server's HTML meanwhile.
const LazyReactionBar = lazy(() => import('./reactions').then((m) => ({ default: m.ReactionBar })));
const LazyFloatingReactions = lazy(() => import('./reactions').then((m) => ({ default: m.FloatingReactions })));
const LazyShareButton = lazy(() => import('./share-button').then((m) => ({ default: m.ShareButton })));
// The video's sound buttons, which the page renders only once it runs, are not needed for the first frame either.
const LazySoundToggle = lazy(() => import('./sound-controls').then((m) => ({ default: m.SoundToggle })));
const LazyTapForSound = lazy(() => import('./sound-controls').then((m) => ({ default: m.TapForSound })));
// Only a scheduled or an ended show renders these: a live show never downloads them.
const LazyFollowButton = lazy(() => import('../../_components/follow-button').then((m) => ({ default: m.FollowButton })));

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
