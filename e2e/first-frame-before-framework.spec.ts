import type { Page, Route } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';
import { goLiveAndPublish } from './support/studio';

// A new viewer's first frame does not wait for the page's framework (issue 14 item 7): the server
// prepares the receive side while it renders the show page, and the page's boot script connects it
// and plays it. Here the framework's JavaScript chunks are held back by a route until the picture is moving;
// once they load, the player adopts the same connection instead of opening a second one.

const playback = (page: Page) =>
  page.getByTestId('live-video').evaluate((el) => {
    const video = el as HTMLVideoElement;
    return { frames: video.getVideoPlaybackQuality().totalVideoFrames, width: video.videoWidth };
  });

// Counts the page's RTCPeerConnections that are not closed (mediasoup-client opens and closes one to read
// the browser's capabilities; an adopted watch closes the one its transport would have opened).
const countConnections = `(() => {
  const Native = window.RTCPeerConnection;
  const made = (window.__connections = []);
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); made.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
  window.RTCPeerConnection.generateCertificate = Native.generateCertificate.bind(Native);
})();`;
const openConnections = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __connections: RTCPeerConnection[] }).__connections.filter((pc) => pc.connectionState !== 'closed').length,
  );

test('a new viewer sees the live stream moving while the framework’s chunks are held back, and the player then adopts that connection', async ({
  browser,
  db,
}) => {
  const { showId } = await scheduleShowLikeDemo(db, 'boot');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await signIn(hostContext, 'host@demo.live');
    await goLiveAndPublish(await hostContext.newPage(), showId);

    // The studio publishes its camera a moment after its microphone, and a page rendered before the camera
    // arrives has no picture to prepare (it watches the ordinary way): wait until a render prepares one.
    await expect
      .poll(async () => (await (await viewerContext.request.get(`/shows/${showId}`)).text()).includes('id="lc-boot"'), {
        message: 'the show page is rendered with a prepared watch',
        timeout: 30_000,
      })
      .toBe(true);

    const viewer = await viewerContext.newPage();
    await viewer.addInitScript({ content: countConnections });
    const held: Route[] = [];
    let holding = true;
    // Only the framework's JavaScript. Its stylesheet lives under the same path, but holding it holds the page:
    // a pending stylesheet blocks the HTML parser at the first classic inline script, and the first paint that
    // React's reveal of streamed content waits for. A page rendered slower than its first flush (a loaded server)
    // streams its content, <video> included, after its loading fallback and those scripts: with the stylesheet
    // held, the boot script's connection came up and no <video> ever reached the document (docs/architecture.md).
    const frameworkScript = (url: URL) => url.pathname.startsWith('/_next/static/chunks/') && url.pathname.endsWith('.js');
    await viewer.route(frameworkScript, (route) => (holding ? held.push(route) : route.continue()));

    await test.step('with no chunk of the framework loaded, the picture arrives and keeps moving', async () => {
      await viewer.goto(`/shows/${showId}`, { waitUntil: 'commit' });
      await expect
        .poll(async () => (await playback(viewer)).width, { message: 'the video has a size', timeout: 30_000 })
        .toBeGreaterThan(0);
      const first = await playback(viewer);
      await expect
        .poll(async () => (await playback(viewer)).frames, { message: 'decoded frames increase' })
        .toBeGreaterThan(first.frames + 5);
      // The rule: nothing of Next's has run yet — its chunks are still held, the page has not hydrated.
      expect(held.length).toBeGreaterThan(0);
      expect(await viewer.evaluate(() => performance.getEntriesByName('lc:hydrated').length)).toBe(0);
      // The server's HTML says nothing over the picture the boot script is playing (it said "Connecting video…").
      await expect(viewer.getByTestId('video-notice')).toHaveCount(0);
      // The boot script's connection, kept aside to recognise it after the player took over, and every notice the
      // player shows over the video from now on, kept to check that none showed while it hydrated and took over.
      await viewer.evaluate(() => {
        const w = window as unknown as { __lcBoot: { pc: RTCPeerConnection }; __bootPc: RTCPeerConnection; __notices: string[] };
        w.__bootPc = w.__lcBoot.pc;
        w.__notices = [];
        new MutationObserver(() => {
          const notice = document.querySelector('[data-testid="video-notice"]');
          if (notice) w.__notices.push(notice.textContent ?? '');
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    });

    await test.step('the chunks load, the page hydrates, and the player drives the same connection', async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await expect.poll(() => viewer.evaluate(() => performance.getEntriesByName('lc:watch-answered').length), { timeout: 30_000 }).toBe(1);
      // Taken by the player (media:claim answered) and not replaced: the boot's connection is still up and
      // is the only one open (a failed adoption closes it and watches on a new one).
      expect(await viewer.evaluate(() => (window as unknown as { __lcBoot: unknown }).__lcBoot)).toBeNull();
      expect(await viewer.evaluate(() => (window as unknown as { __bootPc: RTCPeerConnection }).__bootPc.connectionState)).toBe(
        'connected',
      );
      expect(await openConnections(viewer)).toBe(1);
      // The player knows the picture it took over is playing: no "Connecting video…" over it, at any moment
      // between hydration and now.
      await expect(viewer.getByTestId('video-notice')).toHaveCount(0);
      expect(await viewer.evaluate(() => (window as unknown as { __notices: string[] }).__notices)).toEqual([]);
      const after = await playback(viewer);
      await expect.poll(async () => (await playback(viewer)).frames, { message: 'frames keep coming' }).toBeGreaterThan(after.frames + 5);
    });
  } finally {
    await hostContext.close();
    await viewerContext.close();
  }
});
