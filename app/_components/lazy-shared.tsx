'use client';

import { lazy, Suspense, type ComponentProps } from 'react';

// Parts of the site header and the show cards that every page can render: the server renders them in place
// (a time in UTC until the browser's own zone is known, the language menu, sign out), and their code loads
// beside the page's first load and hydrates when it arrives, so no page's first load carries it.
const LazyLocalTime = lazy(() => import('./local-time').then((m) => ({ default: m.LocalTime })));
const LazyLanguageSwitcher = lazy(() => import('./language-switcher').then((m) => ({ default: m.LanguageSwitcher })));
const LazySignOutButton = lazy(() => import('./sign-out-button').then((m) => ({ default: m.SignOutButton })));

export function LocalTime(props: ComponentProps<typeof LazyLocalTime>) {
  return (
    <Suspense>
      <LazyLocalTime {...props} />
    </Suspense>
  );
}

export function LanguageSwitcher() {
  return (
    <Suspense>
      <LazyLanguageSwitcher />
    </Suspense>
  );
}

export function SignOutButton() {
  return (
    <Suspense>
      <LazySignOutButton />
    </Suspense>
  );
}
