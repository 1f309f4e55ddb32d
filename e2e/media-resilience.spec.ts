import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { mediasoupWorkerPids } from './support/media-workers';
import { goLiveAndPublish } from './support/studio';

const showId = 'demo_show_glow_up';

function decodedFrames(page: Page) {
  return page.getByTestId('live-video').evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

/** Records every text a test id shows (and every data-state it takes) from now on, so a brief state is not missed. */
function recordStates(page: Page, testId: string) {
  return page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`seen:${id}`] = seen;
    const note = () => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const value = el ? (el.getAttribute('data-state') ?? el.textContent ?? '') : '';
      if (value && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    note();
  }, testId);
}

const statesSeen = (page: Page, testId: string) =>
  page.evaluate((id) => (window as unknown as Record<string, string[]>)[`seen:${id}`] ?? [], testId);

test('the media worker carrying a live show is SIGKILLed: the studio republishes and the viewer’s video comes back without a reload', async ({
  browser,
}) => {
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(viewerContext, 'viewer@demo.live')]);
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();

  await test.step('the host is live and publishing, the viewer decodes frames', async () => {
    await goLiveAndPublish(studio, showId);
    await expect(studio.getByTestId('studio-media-state')).toHaveText('Publishing');
    await viewer.goto(`/shows/${showId}`);
    await expect
      .poll(() => viewer.getByTestId('live-video').evaluate((el) => (el as HTMLVideoElement).videoWidth), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const before = await decodedFrames(viewer);
    await expect.poll(() => decodedFrames(viewer), { message: 'decoded frames increase' }).toBeGreaterThan(before + 10);
  });

  const killedAt = await test.step('the worker process is killed', async () => {
    // Marks that survive only if the pages are never reloaded.
    await viewer.evaluate(() => {
      const w = window as unknown as { noReload: boolean; streamBefore: unknown };
      w.noReload = true;
      w.streamBefore = (document.querySelector('[data-testid="live-video"]') as HTMLVideoElement).srcObject;
    });
    await studio.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await recordStates(viewer, 'video-notice');
    await recordStates(studio, 'studio-media-state');
    const pids = mediasoupWorkerPids();
    expect(pids.length).toBeGreaterThan(0);
    // Every worker of the server: whichever carries the show is among them.
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    return Date.now();
  });

  await test.step('the viewer plays a new stream and its decoded frames increase again, with no reload', async () => {
    await expect
      .poll(
        () =>
          viewer.getByTestId('live-video').evaluate((el) => {
            const video = el as HTMLVideoElement;
            const before = (window as unknown as { streamBefore: unknown }).streamBefore;
            return video.srcObject !== null && video.srcObject !== before && video.videoWidth > 0;
          }),
        { message: 'the viewer shows a picture from a new stream', timeout: 60_000 },
      )
      .toBe(true);
    const pictureSeconds = (Date.now() - killedAt) / 1000;
    const restarted = await decodedFrames(viewer);
    await expect
      .poll(() => decodedFrames(viewer), { message: 'decoded frames increase again', timeout: 60_000 })
      .toBeGreaterThan(restarted + 10);
    const seconds = (Date.now() - killedAt) / 1000;
    // Measured and reported, never asserted: the target is under 10 s.
    const measured = `picture from the new stream after ${pictureSeconds.toFixed(1)} s, 10 more frames decoded after ${seconds.toFixed(1)} s`;
    test.info().annotations.push({ type: 'video back after worker SIGKILL', description: measured });
    console.log(`media-resilience: ${measured}`);
    expect(await viewer.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    expect(await statesSeen(viewer, 'video-notice')).toContain('Reconnecting video…');
  });

  await test.step('the studio said it was reconnecting and is publishing again', async () => {
    await expect(studio.getByTestId('studio-media-state')).toHaveAttribute('data-state', 'publishing', { timeout: 60_000 });
    expect(await statesSeen(studio, 'studio-media-state')).toContain('reconnecting');
    expect(await studio.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    expect(mediasoupWorkerPids().length).toBeGreaterThan(0);
  });

  await Promise.all([hostContext.close(), viewerContext.close()]);
});
