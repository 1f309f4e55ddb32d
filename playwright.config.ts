import { defineConfig } from '@playwright/test';

// Three app servers, each with its own embedded PostgreSQL and data directory: E2E_PORT / E2E_PG_PORT
// for the first, E2E_PORT_2 / E2E_PG_PORT_2 and E2E_PORT_3 / E2E_PG_PORT_3 (default: the next ports)
// for the others, so two checkouts can run their browser tests side by side as well.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
const servers = [1, 2, 3].map((n) => ({
  port: Number(process.env[`E2E_PORT_${n}`] ?? E2E_PORT + n - 1),
  pgPort: Number(process.env[`E2E_PG_PORT_${n}`] ?? E2E_PG_PORT + n - 1),
}));
const CI = !!process.env.CI;

// Debian's Chromium (Playwright cannot download its own browsers here). The fake
// media flags give the host a synthetic camera and microphone; the media path
// through mediasoup to the viewer is real.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

// Specs that stream live video through mediasoup (several browsers each): they run one at a
// time on the first server. The other specs are split in two halves of about the same length
// (measured: accessibility, auction and replay are the longest), each one at a time on its own
// server.
// A server serves one spec at a time: specs that change a demo account or a demo show never race
// each other. Each spec sets up its own shows (e2e/support/shows.ts), so any one runs alone as well.
const MEDIA_SPECS = [
  'cluster-media',
  'embed',
  'first-frame-before-framework',
  'hls-backup',
  'languages',
  'live-show',
  'media-edge-worker',
  'media-resilience',
  'rehearsal-staff-phone',
  'screenshots',
  'show-page-phone',
  'simulcast',
  'stage-guests',
  'stage-studio-phone',
  'studio-host',
  'swipe-feed',
].map((name) => `**/${name}.spec.ts`);
// The second half of the page specs; a new page spec lands in the first until listed here.
const PAGE_SPECS_B = [
  'accessibility',
  'auction',
  'engagement-formats',
  'replay',
  'scheduling-flow',
  'show-channel',
  'show-lifecycle',
  'stripe-3ds-sheet',
].map((name) => `**/${name}.spec.ts`);
// At most two specs at once (E2E_WORKERS): with all three projects side by side the load average
// reached 27 on 2 cores and a live viewer's first frame missed its 20 s in the screenshots spec;
// E2E_WORKERS=3 runs the three side by side, E2E_WORKERS=1 one after the other (a machine with one core).
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  // No retries: a test that passes only on its second try is a failure to fix, not a pass.
  retries: 0,
  workers,
  fullyParallel: false,
  // Generous: several browsers and a live stream on a shared 2-core machine.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'media', testMatch: MEDIA_SPECS, workers: 1, use: { baseURL: `http://localhost:${servers[0]!.port}` } },
    {
      name: 'pages',
      testIgnore: [...MEDIA_SPECS, ...PAGE_SPECS_B],
      workers: 1,
      use: { baseURL: `http://localhost:${servers[1]!.port}` },
    },
    { name: 'pages-b', testMatch: PAGE_SPECS_B, workers: 1, use: { baseURL: `http://localhost:${servers[2]!.port}` } },
  ],
  webServer: servers.map(({ port, pgPort }) => ({
    command: 'node --import tsx e2e/support/server.ts',
    env: { E2E_PORT: String(port), E2E_PG_PORT: String(pgPort) },
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
