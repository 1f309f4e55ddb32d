import { beforeAll, vi } from 'vitest';

// Files share a worker's process (vitest.config.ts, isolate: false): a fake clock another file left
// installed would stop this file's timers, so every file starts on the real one.
beforeAll(() => {
  if (vi.isFakeTimers()) vi.useRealTimers();
});
