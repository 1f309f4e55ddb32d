/**
 * The one piece of state this process keeps on globalThis. Next.js bundles pages and route
 * handlers separately from the server's own modules, so a module-level singleton would exist
 * twice in one process (once per copy of its module) and a page's restock would miss the gate the
 * sockets use. Everything that must be one per process lives in this registry instead, by name:
 *
 * - `services`: what the composition root (server/app.ts) builds at boot and hands to pages and
 *   route handlers (server/services.ts);
 * - process-wide state both copies must share, created on first use: the stock gate, the
 *   account-event listeners, the password-hash budget, the API rate limiter, the job queue's wake
 *   listeners, the test payment provider's ledger and the allowed image sources.
 *
 * Nothing else in the tree touches globalThis (test/unit/process-registry.test.ts checks it).
 */
const KEY = Symbol.for('live-commerce.process');

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (holder[KEY] ??= new Map());
}

/** The process's one `name`, made by `create` the first time either copy of a module asks. */
export function processSingleton<T>(name: string, create: () => T): T {
  const entries = registry();
  if (!entries.has(name)) entries.set(name, create());
  return entries.get(name) as T;
}

/** What was set under `name`, if anything. */
export function processValue<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}

/** Sets (or, with undefined, forgets) the process's `name`. */
export function setProcessValue<T>(name: string, value: T | undefined): void {
  if (value === undefined) registry().delete(name);
  else registry().set(name, value);
}
