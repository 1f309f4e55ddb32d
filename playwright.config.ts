import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, HEADLESS_SHELL } from './e2e/support/chromium';

// Two app servers, each with its own embedded PostgreSQL and data directory: E2E_PORT / E2E_PG_PORT
// for the first, E2E_PORT_2 / E2E_PG_PORT_2 (default: the next ports) for the second, so two checkouts
// can run their browser tests side by side as well.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
const servers = [1, 2].map((n) => ({
  port: Number(process.env[`E2E_PORT_${n}`] ?? E2E_PORT + n - 1),
  pgPort: Number(process.env[`E2E_PG_PORT_${n}`] ?? E2E_PG_PORT + n - 1),
}));
const CI = !!process.env.CI;

// Two lanes, each one spec at a time against its own app server, so at most two specs run at once on
// 2 cores. The first lane has every spec that streams live video through mediasoup (several browsers
// each: two of them at once put a live viewer's first frame past its 20 s) and, to even the lanes out,
// the page specs in LIVE_LANE_PAGE_SPECS; the second lane has the other page specs. The split comes from
// per-spec times measured in a whole run (with three projects, the last one ran alone for its last
// 400 s of specs while a core idled).
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
];
// Page specs in the live lane; a new page spec lands in the other lane until listed here.
const LIVE_LANE_PAGE_SPECS = ['auction', 'replay'];
const LIVE_LANE = [...MEDIA_SPECS, ...LIVE_LANE_PAGE_SPECS].map((name) => `**/${name}.spec.ts`);
// E2E_WORKERS=1 runs the lanes one after the other (a machine with one core).
const workers = Math.min(2, Number(process.env.E2E_WORKERS ?? 2));

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
    // No trace unless asked for (E2E_TRACE=1: a failed test keeps its actions, DOM snapshots, network and
    // console). Recording one for every test, to keep it only on failure, cost the page specs 15 % of their CPU
    // (a subset of five page specs, 197 against 167 busy CPU-seconds, measured one after the other); a failure
    // still keeps its screenshot and its page's accessibility snapshot (error-context.md).
    trace: process.env.E2E_TRACE ? { mode: 'retain-on-failure', screenshots: false } : 'off',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? HEADLESS_SHELL, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'media', testMatch: LIVE_LANE, workers: 1, use: { baseURL: `http://localhost:${servers[0]!.port}` } },
    { name: 'pages', testIgnore: LIVE_LANE, workers: 1, use: { baseURL: `http://localhost:${servers[1]!.port}` } },
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
