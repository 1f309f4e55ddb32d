'use client';

// Parts the server renders whose code loads beside the page's first load (React.lazy) hydrate when their chunk
// arrives. Locale data arriving before that would change their first render (a Khmer digit, a date) and React
// would find it no longer matches the server's HTML (#418): the provider waits for these before switching.
const pending = new Set<Promise<unknown>>();

/** Registers the import of a server-rendered lazy part; returns it unchanged. */
export function hydratesLate<T>(load: Promise<T>): Promise<T> {
  pending.add(load);
  const settle = () => void pending.delete(load);
  load.then(settle, settle);
  return load;
}

/** Settles once every server-rendered lazy part registered so far has its code. */
export function lateHydrationLoaded(): Promise<void> {
  return Promise.allSettled([...pending]).then(() => undefined);
}
