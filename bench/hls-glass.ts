// HLS glass-to-glass (issue 16 item 8), in Chromium against the real server: the host's studio
// sends the time-stamped canvas camera (bench/support/time-stamp.browser.js) over WebRTC; the
// server records it (ffmpeg → 2 s segments with program date times); a viewer forced onto the
// HLS backup stream (`?path=hls`) plays it with hls.js. Two readings of the same playback:
// - painted → presented: the host's painted time read back from each presented frame;
// - program date time: server time now minus the program date time of the frame on screen (the
//   viewer's PlayoutClock, which overlays compare with event times), sampled every 250 ms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { emitResult } from './support/results';
import { percentile, record, sessionCookie, startBenchServer, table, type BenchServer } from './support/harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const stampScript = readFileSync(path.join(import.meta.dirname, 'support/time-stamp.browser.js'), 'utf8');

async function contextFor(browser: Browser, server: BenchServer, role: 'host' | 'viewer'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (role === 'host') {
    const [name, value] = (await sessionCookie(server, { id: server.hostId, name: 'Host' })).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
  }
  await context.addInitScript({ content: `globalThis.__stampRole = ${JSON.stringify(role)};\n${stampScript}` });
  return context;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
};

process.env.BENCH_WITH_PAGES = '1';
const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
  ],
});
let painted: number[] = [];
const pdt: number[] = [];
try {
  const studio = await (await contextFor(browser, server, 'host')).newPage();
  await studio.goto(`${server.url}/studio/${server.showId}`);
  const viewer = await (await contextFor(browser, server, 'viewer')).newPage();
  await viewer.goto(`${server.url}/shows/${server.showId}?path=hls`);
  await viewer.waitForFunction(() => (window as unknown as { __latencies: number[] }).__latencies.length > 30, undefined, {
    timeout: 120_000,
  });
  await viewer.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies.length = 0));
  const until = Date.now() + SECONDS * 1000;
  while (Date.now() < until) {
    const sample = await viewer.evaluate(() => {
      const video = document.querySelector('[data-testid="live-video"]') as HTMLVideoElement & {
        playoutClock?: { playoutServerMs(): number | null } | null;
      };
      const at = video.playoutClock?.playoutServerMs();
      return at ? Date.now() - at : null;
    });
    if (sample !== null) pdt.push(sample);
    await viewer.waitForTimeout(250);
  }
  painted = await viewer.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.slice());
} finally {
  await browser.close();
  await server.stop();
}

const byFrame = stats(painted);
const byPdt = stats(pdt);
const row = (label: string, s: ReturnType<typeof stats>) => [label, s.n, s.p50.toFixed(0), s.p95.toFixed(0), s.max.toFixed(0)];
const where = record(
  'HLS glass-to-glass (Chromium, backup stream)',
  'npm run bench:hls',
  `${table(
    ['measure', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
    [row('host paints a frame → HLS viewer presents it', byFrame), row('server time − program date time of the frame on screen', byPdt)],
  )}\n\nThe recorder cuts 2 s MPEG-TS segments; hls.js starts two target durations behind the live edge (\`liveSyncDurationCount: 2\`). Host, viewer, server, mediasoup, ffmpeg and PostgreSQL share this 2-core machine and one clock. Measured over ${SECONDS} s of steady playback.`,
);
emitResult({
  benchmark: 'hls-glass',
  ...where,
  figures: [
    { name: 'HLS glass-to-glass p50', value: byFrame.p50, unit: 'ms', samples: byFrame.n },
    { name: 'HLS glass-to-glass p95', value: byFrame.p95, unit: 'ms', samples: byFrame.n },
    { name: 'HLS program date time behind p50', value: byPdt.p50, unit: 'ms', samples: byPdt.n },
    { name: 'HLS program date time behind p95', value: byPdt.p95, unit: 'ms', samples: byPdt.n },
  ],
});
process.exit(0);
