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
  retries: CI ? 1 : 0,
  workers: 1,
  // Files run in name order on one worker; screenshots.spec.ts relies on the live show the others leave.
  fullyParallel: false,
  timeout: 120_000,
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
