'use client';

import { lazy, Suspense } from 'react';

// Parts of the site header every page renders: the server renders them in place (the language menu, sign
// out), and their code loads beside the page's first load and hydrates when it arrives. LocalTime hydrating late
// has its own module (late-local-time.tsx), for the pages that render it.
const LazyLanguageSwitcher = lazy(() => import('./language-switcher').then((m) => ({ default: m.LanguageSwitcher })));
const LazySignOutButton = lazy(() => import('./sign-out-button').then((m) => ({ default: m.SignOutButton })));

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
