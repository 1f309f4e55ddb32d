import type { BrowserContext, Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { mediasoupWorkerPids, pidListeningOn } from './support/media-workers';
import { goLiveAndPublish } from './support/studio';

// Issue 15 item 2 inside one node: the second viewer of a show is placed on the
// node's other worker, fed from the host's worker through pipeToRouter; when that
// worker dies only its viewer moves, without a reload, and the show goes on.
const showId = 'demo_show_glow_up';

/** Keeps every RTCPeerConnection the page makes (to read which server port it talks to) and counts those that failed. */
async function recordPeerConnections(context: BrowserContext) {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const all: RTCPeerConnection[] = [];
    const w = window as unknown as { peerConnections: RTCPeerConnection[]; failedConnections: number };
    w.peerConnections = all;
    w.failedConnections = 0;
    window.RTCPeerConnection = class extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        all.push(this);
        this.addEventListener('connectionstatechange', () => {
          if (this.connectionState === 'failed') w.failedConnections += 1;
        });
      }
    };
  });
}

const failedConnections = (page: Page) => page.evaluate(() => (window as unknown as { failedConnections: number }).failedConnections);

/** The server ports of the page's connected peer connections (their selected ICE pair's remote side). */
function serverPorts(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const ports: number[] = [];
    for (const pc of (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections) {
      if (pc.connectionState !== 'connected') continue;
      const stats = await pc.getStats();
      stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
        if (report.type !== 'transport' || !report.selectedCandidatePairId) return;
        const pair = stats.get(report.selectedCandidatePairId) as { remoteCandidateId: string } | undefined;
        const remote = pair && (stats.get(pair.remoteCandidateId) as { port: number } | undefined);
        if (remote) ports.push(remote.port);
      });
    }
    return ports;
  });
}

async function workerOf(page: Page): Promise<number> {
  let pid: number | undefined;
  await expect
    .poll(
      async () => {
        const [port] = await serverPorts(page);
        pid = port === undefined ? undefined : pidListeningOn(port, mediasoupWorkerPids());
        return pid;
      },
      { message: 'the page is connected to a media worker' },
    )
    .toBeDefined();
  return pid!;
}

const decodedFrames = (page: Page) =>
  page.getByTestId('live-video').evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);

async function decodes(page: Page, message: string) {
  const before = await decodedFrames(page);
  await expect.poll(() => decodedFrames(page), { message, timeout: 60_000 }).toBeGreaterThan(before + 10);
}

const currentStream = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { streams?: unknown[] };
    const stream = (document.querySelector('[data-testid="live-video"]') as HTMLVideoElement).srcObject;
    w.streams ??= [];
    if (!w.streams.includes(stream)) w.streams.push(stream);
    return w.streams.indexOf(stream);
  });

test('the second viewer watches through another worker; when that worker dies only that viewer moves, without a reload', async ({
  browser,
}) => {
  test.skip(mediasoupWorkerPids().length < 2, 'the e2e server runs one media worker (MEDIA_WORKERS)');
  // Placement goes by the consumers each worker holds, and the specs before this one leave theirs for the
  // two-minute recovery window: start from fresh workers so that the only load is this spec's.
  const stale = mediasoupWorkerPids();
  for (const pid of stale) process.kill(pid, 'SIGKILL');
  await expect
    .poll(() => mediasoupWorkerPids().filter((pid) => !stale.includes(pid)).length, {
      message: 'the pool replaced its workers',
      timeout: 60_000,
    })
    .toBe(stale.length);
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 800 } })));
  const [hostContext, firstContext, secondContext] = contexts as [BrowserContext, BrowserContext, BrowserContext];
  await Promise.all(contexts.map(recordPeerConnections));
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(firstContext, 'viewer@demo.live'),
    signIn(secondContext, 'viewer2@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  const first = await firstContext.newPage();
  const second = await secondContext.newPage();

  const origin = await test.step('the host publishes; two viewers decode, the second on another worker', async () => {
    await goLiveAndPublish(studio, showId);
    await first.goto(`/shows/${showId}`);
    await decodes(first, 'the first viewer decodes');
    await second.goto(`/shows/${showId}`);
    await decodes(second, 'the second viewer decodes');
    const hostWorker = await workerOf(studio);
    // Placed by load: the first viewer's consumers weigh on the host's worker, so the second goes elsewhere.
    expect(await workerOf(first)).toBe(hostWorker);
    expect(await workerOf(second)).not.toBe(hostWorker);
    return hostWorker;
  });

  await test.step('the second viewer’s worker is SIGKILLed: it plays a new stream, the others never notice', async () => {
    for (const page of [studio, first, second]) await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    const [firstStream, secondStream] = [await currentStream(first), await currentStream(second)];
    process.kill(await workerOf(second), 'SIGKILL');
    await expect
      .poll(() => currentStream(second), { message: 'the second viewer plays a new stream', timeout: 60_000 })
      .not.toBe(secondStream);
    await decodes(second, 'the moved viewer decodes again');
    // It moved on the server's word (media:moved), not after its dead link had failed.
    expect(await failedConnections(second)).toBe(0);
    expect(mediasoupWorkerPids()).toContain(origin);
    await decodes(first, 'the first viewer still decodes');
    expect(await currentStream(first)).toBe(firstStream);
    await expect(studio.getByTestId('studio-media-state')).toHaveAttribute('data-state', 'publishing');
    for (const page of [studio, first, second])
      expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  });

  await Promise.all(contexts.map((context) => context.close()));
});
