// Page weight: first-load JavaScript of the main pages (gzipped, from the production
// build's own route statistics) and the viewer page's largest contentful paint in
// Chromium with a phone profile (390×844, CPU slowed 4×, a fast-3G-like network).
// With `--breakdown` (`npm run bench:pages -- --breakdown`) it records instead what
// the viewer page's first-load JavaScript is made of, by package and app file, and
// what loads on demand (bench/support/page-breakdown.ts); no LCP then.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { emitResult } from './support/results';
import { percentile, record, startBenchServer, table } from './support/harness';
import { analyzeRoute } from './support/page-breakdown';
import { BOOT_WATCH_JS } from '../app/shows/[showId]/boot-watch';

const root = path.resolve(import.meta.dirname, '..');
const ROUTES = ['/', '/shows/[showId]', '/studio/[showId]', '/signin'];
// At least 20 behind a p95.
const LCP_RUNS = Number(process.env.BENCH_LCP_RUNS ?? 20);

const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8')) as {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}[];
// JavaScript a route's first load runs outside Next's chunks: the show page's inline boot script (its code,
// without the per-page data it is called with), counted as one more chunk gzipped on its own.
const OUTSIDE_CHUNKS: Record<string, string[]> = { '/shows/[showId]': [BOOT_WATCH_JS] };
const weights = ROUTES.map((route) => {
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`no build statistics for ${route}`);
  const extra = OUTSIDE_CHUNKS[route] ?? [];
  const gzipped =
    entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSync(readFileSync(path.join(root, chunk)), { level: 6 }).length, 0) +
    extra.reduce((sum, code) => sum + gzipSync(code, { level: 6 }).length, 0);
  const raw = entry.firstLoadUncompressedJsBytes + extra.reduce((sum, code) => sum + Buffer.byteLength(code), 0);
  return { route, raw, gzipped, chunks: entry.firstLoadChunkPaths.length + extra.length };
});

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

if (process.argv.includes('--breakdown')) {
  const viewer = weights.find((w) => w.route === '/shows/[showId]')!;
  const { rows, lazy, analyzedRaw } = analyzeRoute(root, viewer.route, viewer.gzipped);
  // The long tail of small app files and packages in one line, so the table stays readable.
  const shown = rows.filter((r) => r.gzip >= 500);
  const rest = rows.filter((r) => r.gzip < 500);
  const restRow = rest.length
    ? [[`${rest.length} smaller modules and packages`, kB(rest.reduce((a, r) => a + r.raw, 0)), kB(rest.reduce((a, r) => a + r.gzip, 0))]]
    : [];
  record(
    'Page weight breakdown (viewer page)',
    'npm run bench:pages -- --breakdown',
    `${table(
      ['page', 'first-load JS (raw kB)', 'first-load JS (gzip kB)', 'chunks'],
      weights.map((w) => [w.route, kB(w.raw), kB(w.gzipped), w.chunks]),
    )}\n\nThe viewer page's first load by package or app file (\`next analyze\`; minified bytes as built, ${kB(analyzedRaw)} kB in all; gzip as each row's share of the measured ${kB(viewer.gzipped)} kB in proportion to its own gzipped size):\n\n${table(
      ['module or package', 'raw kB', 'gzip kB'],
      [...shown.map((r) => [r.name, kB(r.raw), kB(r.gzip)]), ...restRow],
    )}\n\nLoaded on demand, not in the first load (gzip of each module alone, so a slight overstatement):\n\n${table(
      ['loaded by import() of', 'raw kB', 'gzip kB'],
      lazy.map((l) => [l.trigger, kB(l.raw), kB(l.gzip)]),
    )}`,
  );
  process.exit(0);
}

process.env.BENCH_WITH_PAGES = '1';
const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const lcps: { ms: number; element: string }[] = [];
try {
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: { ms: number; element: string } | null };
      w.__lcp = null;
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null; url?: string };
        if (last)
          w.__lcp = {
            ms: last.startTime,
            element: last.element ? `${last.element.tagName.toLowerCase()}${last.url ? ` ${last.url.split('/').pop()}` : ''}` : 'unknown',
          };
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`${server.url}/shows/${server.showId}`, { waitUntil: 'load' });
    await page.waitForTimeout(1500); // LCP settles after the last large paint
    await page.mouse.click(5, 5); // input ends LCP observation, as in the field
    const lcp = await page.evaluate(() => (window as unknown as { __lcp: { ms: number; element: string } | null }).__lcp);
    if (lcp) lcps.push(lcp);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const sorted = lcps.map((l) => l.ms).sort((a, b) => a - b);
const elements = [...new Set(lcps.map((l) => l.element))].join(', ');
const where = record(
  'Page weight and viewer LCP',
  'npm run bench:pages',
  `${table(
    ['page', 'first-load JS (raw kB)', 'first-load JS (gzip kB)', 'chunks'],
    weights.map((w) => [w.route, (w.raw / 1000).toFixed(1), (w.gzipped / 1000).toFixed(1), w.chunks]),
  )}\n\nkB = 1,000 bytes. Viewer page LCP, phone profile (390×844, CPU 4× slower, 150 ms latency, 1.6 Mbit/s), ${lcps.length} runs: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, worst ${sorted.at(-1)?.toFixed(0)} ms; largest element: ${elements}.`,
);
emitResult({
  benchmark: 'page-weight',
  ...where,
  figures: [
    ...weights.map((w) => ({ name: 'first-load JS gzip', value: w.gzipped / 1000, unit: 'kB', params: { page: w.route } })),
    { name: 'viewer LCP p50', value: percentile(sorted, 50), unit: 'ms', samples: sorted.length },
    { name: 'viewer LCP p95', value: percentile(sorted, 95), unit: 'ms', samples: sorted.length },
  ],
});
