// Replay time to first frame (issue 16 item 8), in Chromium against the real server: an ended show
// with a real HLS recording (Debian's ffmpeg, test/support/hls-fixture.ts) opened as a replay by a
// fresh browser context each time (nothing cached), from the navigation's start to the first frame
// the replay's <video> presents (requestVideoFrameCallback). What it covers: the page's HTML, its
// scripts, the player's chunk and hls.js loading, the playlist, the first segment, its decode.
import { randomUUID } from 'node:crypto';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { makeHlsRecording } from '../test/support/hls-fixture';
import { emitResult } from './support/results';
import { percentile, record, startBenchServer, table } from './support/harness';

const SAMPLES = Number(process.env.BENCH_REPLAY_SAMPLES ?? 24);
const GIVE_UP_MS = 20_000;

// The first frame the replay's video presents, as ms since the navigation started (performance.now's origin).
// Every <video> the page ever shows is watched (WeakSet), so a re-rendered element is not missed.
const firstFrameProbe = `(() => {
  window.__replayFirstFrame = null;
  const watched = new WeakSet();
  const watch = () => {
    for (const video of document.querySelectorAll('[data-testid="replay-video"]')) {
      if (watched.has(video)) continue;
      watched.add(video);
      video.requestVideoFrameCallback((now) => { window.__replayFirstFrame ??= now; });
    }
    if (window.__replayFirstFrame === null) setTimeout(watch, 10);
  };
  watch();
})();`;

// Why a load showed no frame, for the log.
const videoState = () => {
  const video = document.querySelector<HTMLVideoElement>('[data-testid="replay-video"]');
  return video
    ? {
        readyState: video.readyState,
        networkState: video.networkState,
        currentTime: video.currentTime,
        paused: video.paused,
        error: video.error?.code ?? null,
        status: document.querySelector('[data-testid="replay"] [role="status"]')?.textContent ?? null,
      }
    : { video: 'none' };
};

process.env.BENCH_WITH_PAGES = '1';
const server = await startBenchServer();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
const samples: number[] = [];
let failed = 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--disable-background-timer-throttling'],
});
try {
  // An ended copy of the demo show, recorded for 60 s in 2 s segments, as the recorder lays one out.
  const showId = `bench_replay_${randomUUID().slice(0, 8)}`;
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "hostInviteStatus", "startedAt", "endedAt")
     SELECT $1, "brandId", "hostId", title, now() - interval '1 hour', 'ENDED', 'ACCEPTED', now() - interval '10 minutes', now() - interval '9 minutes'
       FROM "Show" WHERE id = $2`,
    [showId, server.showId],
  );
  await db.query(
    `INSERT INTO "ShowProduct" ("showId", "productId", position) SELECT $1, "productId", position FROM "ShowProduct" WHERE "showId" = $2`,
    [showId, server.showId],
  );
  await makeHlsRecording(db, { showId, dataDir: server.dataDir, startedAt: new Date(Date.now() - 600_000), seconds: 60 });

  // One warm-up load: Next compiles nothing at run time, but the server's first render of a route warms its caches.
  for (let i = -1; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: firstFrameProbe });
    const page = await context.newPage();
    await page.goto(`${server.url}/shows/${showId}`);
    const first = await page
      .waitForFunction(() => (window as unknown as { __replayFirstFrame: number | null }).__replayFirstFrame, undefined, {
        timeout: GIVE_UP_MS,
      })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null);
    if (first === null) console.log(`load ${i}: no frame`, JSON.stringify(await page.evaluate(videoState).catch((e: Error) => e.message)));
    if (i >= 0) {
      if (first === null) failed++;
      else samples.push(first);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await db.end();
  await server.stop();
}

const sorted = [...samples].sort((a, b) => a - b);
const p50 = percentile(sorted, 50);
const p95 = percentile(sorted, 95);
const where = record(
  'Replay time to first frame (Chromium)',
  'npm run bench:replay',
  `${table(
    ['measure', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
    [['navigation start → first replay frame presented', sorted.length, p50.toFixed(0), p95.toFixed(0), (sorted.at(-1) ?? NaN).toFixed(0)]],
  )}\n\nAn ended show with a 60 s recording (H.264 MPEG-TS, 2 s segments, made by Debian's ffmpeg), opened at /shows/<id> by a fresh Chromium context each time (no cache), desktop viewport 1280×800; the production build, the server, PostgreSQL and Chromium on the same 2 cores. ${failed} of ${SAMPLES} loads showed no frame within ${GIVE_UP_MS / 1000} s.`,
);
emitResult({
  benchmark: 'replay-first-frame',
  ...where,
  figures: [
    { name: 'replay time to first frame p50', value: p50, unit: 'ms', samples: sorted.length, params: { profile: 'desktop' } },
    { name: 'replay time to first frame p95', value: p95, unit: 'ms', samples: sorted.length, params: { profile: 'desktop' } },
    { name: 'replay loads without a frame', value: failed, unit: 'loads' },
  ],
});
process.exit(0);
