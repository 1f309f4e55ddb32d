// Swipe to moving video in the phone feed (/live), in Chromium against the real
// server: two or more live shows, each sent by the real studio from a canvas
// "camera" (bench/support/time-stamp.browser.js), and one phone viewer swiping
// through the feed, down to its end and back up, again and again. For every
// swipe: from the scroll that the swipe is, to the first frame of the next show
// presented on screen and to its second (moving video), read from
// requestVideoFrameCallback on the feed's <video> elements.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { emitResult } from './support/results';
import { percentile, record, sessionCookie, startBenchServer, table } from './support/harness';

const SWIPES = Number(process.env.BENCH_SWIPES ?? 24);
const SHOWS = Math.max(2, Number(process.env.BENCH_FEED_SHOWS ?? 2));
// A frame later than this after a swipe counts as a failed swipe.
const GIVE_UP_MS = 10_000;
const stampScript = readFileSync(path.join(import.meta.dirname, 'support/time-stamp.browser.js'), 'utf8');

// Every presented frame of every feed video, with its RTP timestamp: a frame is new
// when its timestamp was not seen before the swipe.
const frameLog = `(() => {
  window.__feedFrames = new Map();
  const watched = new WeakSet();
  const watch = () => {
    for (const video of document.querySelectorAll('[data-testid="feed-video"]')) {
      if (watched.has(video)) continue;
      watched.add(video);
      const id = video.closest('section')?.dataset.showId;
      const frames = [];
      window.__feedFrames.set(id, frames);
      const onFrame = (now, meta) => {
        frames.push({ at: now, rtp: meta.rtpTimestamp ?? meta.mediaTime });
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }
    setTimeout(watch, 50);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
  // One swipe: scroll the feed a screen, then wait for two new frames of the target show.
  window.__swipe = (target, direction, giveUp) =>
    new Promise((resolve) => {
      const frames = window.__feedFrames.get(target) ?? [];
      const seen = new Set(frames.map((f) => f.rtp));
      const feed = document.querySelector('[data-testid="swipe-feed"]');
      const start = performance.now();
      feed.scrollBy({ top: direction * feed.clientHeight });
      const check = () => {
        const fresh = frames.filter((f) => f.at > start && !seen.has(f.rtp));
        if (fresh.length >= 2) return resolve({ first: fresh[0].at - start, second: fresh[1].at - start });
        if (performance.now() - start > giveUp) return resolve(null);
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
})();`;

process.env.BENCH_WITH_PAGES = '1';
process.env.BENCH_EXTRA_LIVE_SHOWS = String(SHOWS - 1);
const server = await startBenchServer();
const showIds = [server.showId, ...server.extraShowIds];
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
const firstFrame: number[] = [];
const moving: number[] = [];
let failed = 0;
try {
  const host = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, value] = (await sessionCookie(server, { id: server.hostId, name: 'Host' })).split('=') as [string, string];
  await host.addCookies([{ name, value, url: server.url }]);
  await host.addInitScript({ content: `globalThis.__stampRole = 'host';\n${stampScript}` });
  for (const showId of showIds) await (await host.newPage()).goto(`${server.url}/studio/${showId}`);
  // The feed renders what each show sends at page time: wait until every studio is sending.
  for (let tries = 0; ; tries++) {
    const html = await (await fetch(`${server.url}/live`)).text();
    if ((html.match(/routerRtpCapabilities/g) ?? []).length >= showIds.length) break;
    if (tries > 120) throw new Error('the studios did not start sending');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.addInitScript({ content: frameLog });
  const page = await phone.newPage();
  await page.goto(`${server.url}/live`);
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-video"]') !== null);
  await page.waitForFunction(
    () => ((window as unknown as { __feedFrames: Map<string, unknown[]> }).__feedFrames.values().next().value?.length ?? 0) > 5,
    undefined,
    { timeout: 60_000 },
  );

  let index = 0;
  let direction = 1;
  for (let swipe = 0; swipe < SWIPES; swipe++) {
    if (index + direction < 0 || index + direction >= showIds.length) direction = -direction;
    const target = showIds[index + direction]!;
    // The swipe runs in the page (window.__swipe above): plain JavaScript, as tsx would rename functions written here.
    const result = await page.evaluate(
      ([target, direction, giveUp]) =>
        (
          window as unknown as {
            __swipe(t: string, d: number, g: number): Promise<{ first: number; second: number } | null>;
          }
        ).__swipe(target, direction, giveUp),
      [target, direction, GIVE_UP_MS] as const,
    );
    index += direction;
    if (result) {
      firstFrame.push(result.first);
      moving.push(result.second);
    } else failed++;
    // A person looks at a show for a moment before the next swipe; it also lets the prepared show settle.
    await page.waitForTimeout(1500);
  }
} finally {
  await browser.close();
  await server.stop();
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
};
const first = stats(firstFrame);
const move = stats(moving);
const where = record(
  'Swipe to moving video in the phone feed (Chromium)',
  'npm run bench:swipe',
  `${table(
    ['measure', 'swipes', 'p50 ms', 'p95 ms', 'max ms'],
    [
      ['swipe → first frame of the next show presented', first.n, first.p50.toFixed(0), first.p95.toFixed(0), first.max.toFixed(0)],
      ['swipe → second frame (moving video)', move.n, move.p50.toFixed(0), move.p95.toFixed(0), move.max.toFixed(0)],
    ],
  )}\n\n${SHOWS} live shows, each sent by its own studio page (canvas camera, VP8 simulcast) in the same Chromium as the phone viewer (390×844), with the server, mediasoup and PostgreSQL on the same 2 cores. A swipe is the feed scrolling one screen (what a swipe does); the next show was prepared paused while the current one played, and the swipe resumes it. ${failed} of ${SWIPES} swipes showed no new frame within ${GIVE_UP_MS / 1000} s.`,
);
emitResult({
  benchmark: 'swipe-feed',
  ...where,
  figures: [
    { name: 'swipe → moving video p50', value: move.p50, unit: 'ms', samples: move.n },
    { name: 'swipe → moving video p95', value: move.p95, unit: 'ms', samples: move.n },
    { name: 'swipes without video', value: failed, unit: 'swipes' },
  ],
});
process.exit(0);
