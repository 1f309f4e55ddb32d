// Glass-to-glass latency and time to first frame, in Chromium against the real
// server: the host's studio sends a canvas "camera" that paints the wall-clock time
// into each frame (bench/support/time-stamp.browser.js); the viewer page reads it
// back from every frame it presents, through mediasoup, with the app's own code on
// both ends. Then new viewers join one after another and the time from navigation
// to their first presented frame is measured.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { emitResult } from './support/results';
import { percentile, record, sessionCookie, startBenchServer, table, type BenchServer } from './support/harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// At least 20 behind a p95.
const JOINS = Number(process.env.BENCH_JOINS ?? 20);
// New viewers join on the desktop profile (issue 14 item 7's target); BENCH_JOIN_PROFILE=phone for 390×844.
const JOIN_PROFILE = process.env.BENCH_JOIN_PROFILE === 'phone' ? 'phone' : 'desktop';
const KEEP_STEADY_VIEWER = Boolean(process.env.BENCH_KEEP_STEADY_VIEWER);
const JOIN_VIEWPORT = JOIN_PROFILE === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 800 };
// The startup phases, in the order a viewer passes them; each is read as ms since navigation.
// html: the navigation's responseEnd; the lc:* marks come from the app (app/_lib); first frame
// from the stamp reader. Steps that now run in parallel can finish in another order.
const PHASES = ['html', 'boot', 'hydrated', 'socket-connected', 'watch-answered', 'joined', 'transport-connected', 'first frame'] as const;
const stampScript = readFileSync(path.join(import.meta.dirname, 'support/time-stamp.browser.js'), 'utf8');

async function contextFor(
  browser: Browser,
  server: BenchServer,
  role: 'host' | 'viewer',
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
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
let latencies: number[] = [];
const firstFrames: number[] = [];
const phaseTimes = new Map<string, number[]>(PHASES.map((p) => [p, []]));
try {
  // The demo show is live; the studio starts sending as soon as its camera is ready.
  const host = await contextFor(browser, server, 'host', { width: 1280, height: 800 });
  const studio = await host.newPage();
  await studio.goto(`${server.url}/studio/${server.showId}`);

  const viewerContext = await contextFor(browser, server, 'viewer', { width: 1280, height: 800 });
  const viewer = await viewerContext.newPage();
  await viewer.goto(`${server.url}/shows/${server.showId}`);
  await viewer.waitForFunction(() => (window as unknown as { __latencies: number[] }).__latencies.length > 30, undefined, {
    timeout: 60_000,
  });
  // Measure a steady stream, not the first seconds of layer climbing.
  await viewer.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies.length = 0));
  await viewer.waitForTimeout(SECONDS * 1000);
  latencies = await viewer.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.slice());
  // The glass-to-glass viewer is done: it leaves before the joins, as the joining viewers do each time. Kept, it
  // went on decoding the largest layer and copying every frame to a canvas to read its stamp, on the same 2 cores
  // as the viewer being timed (a real viewer's device runs no other viewer). BENCH_KEEP_STEADY_VIEWER=1 keeps it,
  // as the runs before 2026-12-07 did, to compare in one window.
  if (!KEEP_STEADY_VIEWER) await viewerContext.close();

  for (let i = 0; i < JOINS; i++) {
    const context = await contextFor(browser, server, 'viewer', JOIN_VIEWPORT);
    const page = await context.newPage();
    await page.goto(`${server.url}/shows/${server.showId}`);
    const first = await page.waitForFunction(() => (window as unknown as { __firstFrameMs: number | null }).__firstFrameMs, undefined, {
      timeout: 60_000,
    });
    const firstFrame = (await first.jsonValue()) as number;
    firstFrames.push(firstFrame);
    // A viewer stays on past its first frame: its page hydrates, joins and takes over the media (a watch prepared
    // with the page is claimed then). Closing the tab at the first frame would leave every prepared watch
    // unclaimed, holding its address's place, and the phases after the first frame would go unmeasured.
    await page
      .waitForFunction(() => ['lc:joined', 'lc:watch-answered'].every((name) => performance.getEntriesByName(name).length > 0), undefined, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const times: Record<string, number> = { html: nav?.responseEnd ?? NaN };
      for (const mark of performance.getEntriesByType('mark'))
        if (mark.name.startsWith('lc:')) times[mark.name.slice(3)] ??= mark.startTime;
      return times;
    });
    for (const [phase, values] of phaseTimes) {
      const at = phase === 'first frame' ? firstFrame : marks[phase];
      if (at !== undefined && Number.isFinite(at)) values.push(at);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const g2g = stats(latencies);
const ttff = stats(firstFrames);
const phaseRows = PHASES.map((phase) => {
  const s = stats(phaseTimes.get(phase) ?? []);
  return [phase, s.n, s.p50.toFixed(0), s.p95.toFixed(0), s.max.toFixed(0)];
});
const where = record(
  'Glass-to-glass latency and time to first frame (Chromium)',
  // What changes the startup path is part of the command, so a run can be told from another.
  `${['PREPARED_WATCH', 'BENCH_JOIN_PROFILE', 'BENCH_KEEP_STEADY_VIEWER']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]} `)
    .join('')}npm run bench:glass`,
  `${table(
    ['measure', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
    [
      ['glass-to-glass: host paints a frame → viewer presents it', g2g.n, g2g.p50.toFixed(0), g2g.p95.toFixed(0), g2g.max.toFixed(0)],
      [
        'time to first frame: viewer navigates → first frame presented',
        ttff.n,
        ttff.p50.toFixed(0),
        ttff.p95.toFixed(0),
        ttff.max.toFixed(0),
      ],
    ],
  )}\n\nA new viewer's startup phases (${JOIN_PROFILE} profile, ${JOIN_VIEWPORT.width}×${JOIN_VIEWPORT.height}), each as ms from navigation start; \`watch-answered\` is the one media round trip (transport and running consumers), \`joined\` the show:join answer, which no longer gates the media:\n\n${table(
    ['phase reached', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
    phaseRows,
  )}\n\nHost and viewer run in one Chromium on this machine (one clock), with the server, mediasoup and PostgreSQL on the same 2 cores: the host's software VP8 encoder (three simulcast layers) and the viewer's decoder compete with the SFU for CPU. Glass-to-glass is measured over ${SECONDS} s of a steady stream, at every presented frame. ${
    KEEP_STEADY_VIEWER
      ? 'The glass-to-glass viewer stayed open (decoding and reading every frame) while the new viewers joined.'
      : 'The glass-to-glass viewer left before the new viewers joined: each joins with only the host sending.'
  }`,
);
emitResult({
  benchmark: 'glass-to-glass',
  ...where,
  figures: [
    { name: 'glass-to-glass p50', value: g2g.p50, unit: 'ms', samples: g2g.n },
    { name: 'glass-to-glass p95', value: g2g.p95, unit: 'ms', samples: g2g.n },
    { name: 'time to first frame p50', value: ttff.p50, unit: 'ms', samples: ttff.n, params: { profile: JOIN_PROFILE } },
    { name: 'time to first frame p95', value: ttff.p95, unit: 'ms', samples: ttff.n, params: { profile: JOIN_PROFILE } },
  ],
});
process.exit(0);
