import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Realtime files that start the app but send no media and no storm: they wait on sockets, PostgreSQL and the
// server's own timers (an auction's end, a giveaway's draw), so they run two at a time with the database files.
const REALTIME_WITHOUT_MEDIA = [
  'assistant',
  'auctions',
  'bag',
  'deferred-sales',
  'engagement',
  'origin',
  'overlay-timing',
  'qr-checkout',
  'recovery',
  'rehearsal-private',
  'sessions',
  'show-report',
];
// Files that start a mediasoup worker and push media or a socket storm through it:
// on two cores two of them at once starve each other, so they run one at a time, after
// the rest under `vitest run`; `npm test` runs them beside the checks and the database
// files (scripts/test.mjs). A new realtime file lands here until it is listed above.
const MEDIA = [
  ...readdirSync(`${import.meta.dirname}/test/realtime`)
    .filter((file) => file.endsWith('.test.ts') && !REALTIME_WITHOUT_MEDIA.includes(file.replace('.test.ts', '')))
    .map((file) => `test/realtime/${file}`),
  'test/realtime/*/**/*.test.ts',
  'test/cluster/**/*.test.ts',
  'server/media/**/*.test.ts',
];

// Files that need a process of their own: they replace modules (vi.mock, vi.resetModules), replace
// globals (the Intl polyfills, fake timers) or count what a module caches. A fake clock left behind
// in a shared worker was seen once: the next file's setTimeout never fired and the run hung. Every other file shares its worker's
// process and modules with the files before it (isolate: false), which saves each file a process
// and a fresh import of the server.
const OWN_PROCESS = [
  'server/domain/money-format.test.ts',
  'server/domain/notifications/follows.test.ts',
  'server/domain/shows/scheduling.test.ts',
  'server/realtime/presence.test.ts',
  'test/unit/i18n.test.ts',
  'test/unit/intl-data.test.ts',
  'test/unit/overlay-schedule.test.ts',
  'test/unit/process-registry.test.ts',
  'test/unit/sequence-order.test.ts',
];

const common = {
  // Integration tests start real PostgreSQL databases and mediasoup; forks keep native state apart.
  pool: 'forks',
  // Generous: the machine may be shared, and no test asserts wall-clock time.
  testTimeout: 120_000,
  hookTimeout: 120_000,
} as const;

export default defineConfig({
  test: {
    // One PostgreSQL cluster and one migrated template for the whole run (see the file).
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          ...common,
          name: 'unit+db',
          include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...MEDIA, ...OWN_PROCESS, '**/node_modules/**'],
          // Most of these wait on PostgreSQL, so two files share the two cores well.
          maxWorkers: 2,
          isolate: false,
          setupFiles: ['test/support/real-timers.ts'],
        },
      },
      {
        resolve: { alias: { '@': import.meta.dirname } },
        test: { ...common, name: 'own-process', include: OWN_PROCESS, maxWorkers: 2 },
      },
      {
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          ...common,
          name: 'media',
          include: MEDIA,
          maxWorkers: 1,
          isolate: false,
          setupFiles: ['test/support/real-timers.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
  resolve: { alias: { '@': import.meta.dirname } },
});
