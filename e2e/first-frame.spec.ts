import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

const videoState = (page: Page) =>
  page.getByTestId('live-video').evaluate((el) => {
    const video = el as HTMLVideoElement;
    return { width: video.videoWidth, frames: video.getVideoPlaybackQuality().totalVideoFrames };
  });

const hydrated = (page: Page) => page.evaluate(() => performance.getEntriesByName('lc:hydrated').length > 0);

test('a new viewer’s video plays before the page’s own JavaScript has loaded, the hydrated player shows no “Connecting…” over it, and no other page is prefetched meanwhile', async ({
  browser,
  db,
}) => {
  const { showId } = await startOwnLiveShow(db, 'firstframe');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(hostContext, 'host@demo.live');
  const studio = await hostContext.newPage();
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewerContext.newPage();
  // Router prefetches: RSC requests for other pages, which the server would render while it answers this viewer's media.
  const prefetched: string[] = [];
  viewer.on('request', (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('_rsc') && url.pathname !== `/shows/${showId}`) prefetched.push(url.pathname);
  });
  const errors: string[] = [];
  viewer.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  viewer.on('pageerror', (error) => errors.push(error.message));

  await test.step('the host is publishing', async () => {
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByTestId('studio-media-state')).toHaveAttribute('data-state', 'publishing', { timeout: 30_000 });
  });

  // The chunk that holds the show page's player is held back: React cannot hydrate the player until it arrives.
  // The layer policy is held back for the whole test: the picture keeps its first size, so no later resize
  // event can tell the player about a picture it missed.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let releasePolicy: () => void = () => undefined;
  const policyReleased = new Promise<void>((resolve) => (releasePolicy = resolve));
  let held = 0;
  await viewerContext.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('"ShowViewer"')) {
      held += 1;
      await released;
    }
    if (body.includes('"adaptVideo"')) await policyReleased;
    await route.fulfill({ response, body });
  });

  await test.step('the stream plays while the player’s code is still held back', async () => {
    // The load event waits for every script, the held one too.
    await viewer.goto(`/shows/${showId}`, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await videoState(viewer)).width, { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await videoState(viewer);
    await expect
      .poll(async () => (await videoState(viewer)).frames, { message: 'decoded frames increase' })
      .toBeGreaterThan(first.frames + 5);
    expect(held).toBeGreaterThan(0);
    expect(await hydrated(viewer)).toBe(false);
  });

  await test.step('once the code arrives, the page hydrates around the playing video without a mismatch', async () => {
    release();
    await expect.poll(() => hydrated(viewer)).toBe(true);
    await expect(viewer.getByTestId('viewer-count')).toHaveText(/[1-9]/);
    // The picture arrived before React listened for it: the player must still know it is showing one.
    await expect(viewer.getByTestId('video-notice')).toBeHidden();
    const after = await videoState(viewer);
    await expect.poll(async () => (await videoState(viewer)).frames).toBeGreaterThan(after.frames + 5);
    expect(errors.filter((e) => /#418|#423|#425|[Hh]ydrat/.test(e))).toEqual([]);
  });

  await test.step('the page asked the server for no other page while the video started', async () => {
    expect(prefetched).toEqual([]);
  });

  releasePolicy();
  await Promise.all([hostContext.close(), viewerContext.close()]);
});
