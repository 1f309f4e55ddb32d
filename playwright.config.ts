import { defineConfig } from '@playwright/test';

// E2E_PORT / E2E_PG_PORT let two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
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

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  // No retries: a test that passes only on its second try is a failure to fix, not a pass.
  retries: 0,
  // One worker: the specs share one app server and its demo accounts. Each spec sets up
  // its own shows (e2e/support/shows.ts), so any one of them runs alone as well.
  workers: 1,
  fullyParallel: false,
  // Generous: several browsers and a live stream on a shared 2-core machine.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: 'node --import tsx e2e/support/server.ts',
    url: `http://localhost:${E2E_PORT}/api/health`,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
