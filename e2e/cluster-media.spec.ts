import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startCluster, type RunningCluster } from '../deploy/local/cluster';
import { freePort } from '../deploy/local/process';
import { expect, signIn, test } from './support/fixtures';
import { mediasoupWorkerPids } from './support/media-workers';
import { goLiveAndPublish } from './support/studio';

// Two app nodes, Redis, one PostgreSQL and the shipped nginx config, started by
// this spec (docs/scaling.md). The host publishes on node A; the viewer's page goes
// through the balancer, which sends it to node B, and B receives the show from A
// through a mediasoup pipe.
const showId = 'demo_show_glow_up';
let cluster: RunningCluster;
let dir: string;

/** Frames the viewer's video decodes during the next `ms` milliseconds (a rate, so a new stream's counter starting at 0 does not matter). */
const framesDecodedIn = (page: Page, ms: number) =>
  page.getByTestId('live-video').evaluate(async (el, wait) => {
    const video = el as HTMLVideoElement;
    const before = video.getVideoPlaybackQuality().totalVideoFrames;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return video.getVideoPlaybackQuality().totalVideoFrames - before;
  }, ms);

interface StallWatch {
  /** The longest time without a new decoded frame since the watch began. */
  longestGapMs: number;
  /** The player shows another stream than when the watch began (it watched again). */
  newStream: boolean;
  /** Samples (every 100 ms) that saw new frames since the interruption: the new stream, or the end of the longest gap. */
  progressSince: number;
}

/**
 * Watches the viewer's video from inside the page every 100 ms, whichever element
 * and stream it shows, so that the interruption is seen however briefly it lasts:
 * either the player moves to a new stream (it watched again) or the frames stop for
 * a second (at 20 frames a second no jitter), and then new frames arrive.
 */
function watchForStall(page: Page) {
  return page.evaluate(() => {
    const watch = { longestGapMs: 0, newStream: false, progressSince: 0 };
    (window as unknown as { stallWatch: typeof watch }).stallWatch = watch;
    const current = () => document.querySelector('[data-testid="live-video"]') as HTMLVideoElement | null;
    const firstStream = current()?.srcObject ?? null;
    let last = -1;
    let lastProgress = performance.now();
    setInterval(() => {
      const video = current();
      const frames = video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
      const stream = video?.srcObject ?? null;
      const now = performance.now();
      if (!watch.newStream && stream && stream !== firstStream) {
        watch.newStream = true;
        watch.progressSince = 0;
      }
      // A change to a non-zero count is a new frame (a new stream's counter starts again from 0).
      if (frames !== last && frames > 0) {
        const gap = now - lastProgress;
        if (gap > watch.longestGapMs) {
          watch.longestGapMs = gap;
          if (gap >= 1000 && !watch.newStream) watch.progressSince = 0;
        }
        watch.progressSince++;
        lastProgress = now;
      }
      last = frames;
    }, 100);
  });
}

const stallWatch = (page: Page) => page.evaluate(() => (window as unknown as { stallWatch: StallWatch }).stallWatch);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-e2e-cluster-'));
  const lines: string[] = [];
  cluster = await startCluster({
    dir,
    balancerPort: await freePort(),
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    // Any free WebRTC port: other checkouts run their browser tests side by side.
    env: { LOG_LEVEL: 'warn', WEBRTC_PORT: '0', MEDIA_WORKERS: '1' },
    // Node A stays in the file but takes nothing: every page and socket through the balancer reaches node B.
    balance: (nodes) => nodes.map((node, index) => ({ host: '127.0.0.1', port: node.port, down: index === 0 })),
    // Kept for a failure's message rather than printed: a passing run stays quiet.
    output: (source, line) => void lines.push(`[${source}] ${line}`),
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${lines.slice(-40).join('\n')}`);
  });
});

test.afterAll(async () => {
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a viewer sent to node B by the balancer decodes the host’s video published on node A, and recovers when node A’s worker is killed', async ({
  browser,
}) => {
  const [nodeA] = cluster.nodes;
  // The host's studio talks to node A itself; the viewer only ever sees the balancer's address.
  const hostContext = await browser.newContext({ baseURL: nodeA!.url, viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ baseURL: cluster.url, viewport: { width: 1280, height: 800 } });
  await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(viewerContext, 'viewer@demo.live')]);
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();

  await test.step('the host goes live on node A and publishes', async () => {
    await goLiveAndPublish(studio, showId);
  });

  await test.step('the viewer, through the balancer on node B, decodes frames piped from node A', async () => {
    await viewer.goto(`/shows/${showId}`);
    await expect
      .poll(() => viewer.getByTestId('live-video').evaluate((el) => (el as HTMLVideoElement).videoWidth), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => framesDecodedIn(viewer, 2000), { message: 'frames are decoded', timeout: 30_000 }).toBeGreaterThan(10);
  });

  await test.step('node A’s mediasoup worker is SIGKILLed and the viewer on node B decodes frames again, with no reload', async () => {
    await viewer.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await watchForStall(viewer);
    const pids = mediasoupWorkerPids(nodeA!.pid);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    // The picture is interrupted, then node A publishes again, pipes the show to node B again,
    // and the viewer decodes new frames for a second and more.
    await expect
      .poll(
        async () => {
          const watch = await stallWatch(viewer);
          // Anything else is shown as it stands, so that a failure says which half did not happen.
          const interrupted = watch.newStream || watch.longestGapMs >= 1000;
          return interrupted && watch.progressSince >= 10 ? 'interrupted, then moving again' : JSON.stringify(watch);
        },
        { message: 'the video is interrupted, then moves again', timeout: 90_000 },
      )
      .toBe('interrupted, then moving again');
    const seconds = ((Date.now() - killedAt) / 1000).toFixed(1);
    test.info().annotations.push({ type: 'video back on node B after node A’s worker was killed', description: `${seconds} s` });
    expect(await viewer.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await expect(studio.getByTestId('studio-media-state')).toHaveAttribute('data-state', 'publishing', { timeout: 60_000 });
  });

  await Promise.all([hostContext.close(), viewerContext.close()]);
});
