'use client';

import { serverRenderedLazy } from '@/app/_lib/server-rendered-lazy';

// Parts of the viewer page that the server renders in place but whose code stays out of
// the page's first load (Next builds it from every client component the page could
// render): each loads beside it, and hydrates when it arrives (server-rendered-lazy.tsx).

// Reactions and sharing work once the player is up; their buttons are in the server's HTML meanwhile.
export const ReactionBar = serverRenderedLazy(() => import('./reactions').then((m) => m.ReactionBar));
export const FloatingReactions = serverRenderedLazy(() => import('./reactions').then((m) => m.FloatingReactions));
export const ShareButton = serverRenderedLazy(() => import('./share-button').then((m) => m.ShareButton));
// The video's sound buttons, which the page renders only once it runs, are not needed for the first frame either.
export const SoundToggle = serverRenderedLazy(() => import('./sound-controls').then((m) => m.SoundToggle));
export const TapForSound = serverRenderedLazy(() => import('./sound-controls').then((m) => m.TapForSound));
// Only a scheduled or an ended show renders this: a live show never downloads it.
export const FollowButton = serverRenderedLazy(() => import('../../_components/follow-button').then((m) => m.FollowButton));
