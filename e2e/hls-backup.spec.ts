import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';
import { goLiveAndPublish } from './support/studio';

const hlsScript = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');

/** Frames the page's <video> has decoded so far. */
function decodedFrames(page: Page, selector = '[data-testid="live-video"]') {
  return page.locator(selector).evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

test('a viewer forced onto HLS watches the live show over the backup stream, and the ended show’s recording is READY and plays', async ({
  browser,
  db,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { showId } = await scheduleShowLikeDemo(db, 'hls');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(viewerContext, 'viewer@demo.live')]);
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();

  await test.step('the host goes live with the fake camera', async () => {
    await goLiveAndPublish(studio, showId);
  });

  await test.step('a viewer forced onto HLS decodes increasing frames and is told it is the backup stream', async () => {
    await viewer.goto(`/shows/${showId}?path=hls`);
    await expect(viewer.getByTestId('live-video')).toHaveAttribute('data-path', 'hls');
    await expect(viewer.getByTestId('backup-stream-notice')).toHaveText('Watching over the backup stream, a few seconds behind');
    await expect.poll(() => decodedFrames(viewer), { message: 'the HLS picture starts', timeout: 90_000 }).toBeGreaterThan(0);
    const first = await decodedFrames(viewer);
    await expect.poll(() => decodedFrames(viewer), { message: 'decoded frames increase', timeout: 60_000 }).toBeGreaterThan(first + 20);
    // The viewer's clock is the HLS player's: the program date time of the frame on screen.
    await expect(viewer.locator('main[data-playout-path]')).toHaveAttribute('data-playout-path', 'hls');
  });

  await test.step('the show runs about 20 s of recording', async () => {
    await expect
      .poll(
        async () =>
          (await db.query<{ n: number }>(`SELECT "segmentCount" AS n FROM "ShowRecording" WHERE "showId" = $1`, [showId])).rows[0]?.n ?? 0,
        { message: 'ten two-second segments stored', timeout: 90_000 },
      )
      .toBeGreaterThanOrEqual(10);
  });

  await test.step('the host ends the show and the recording becomes READY', async () => {
    await studio.getByRole('button', { name: 'End show' }).click();
    await studio.getByRole('dialog', { name: 'End the show for everyone?' }).getByRole('button', { name: 'End the show' }).click();
    await expect
      .poll(async () => (await db.query<{ status: string }>(`SELECT status FROM "ShowRecording" WHERE "showId" = $1`, [showId])).rows, {
        message: 'one READY recording',
        timeout: 60_000,
      })
      .toEqual([{ status: 'READY' }]);
  });

  await test.step('the final playlist plays in Chromium: frames increase', async () => {
    const playlistUrl = new URL(`/api/shows/${showId}/hls/index.m3u8`, baseURL).toString();
    const playlist = await (await viewer.request.get(playlistUrl)).text();
    expect(playlist).toContain('#EXT-X-ENDLIST');
    expect(playlist).toMatch(/#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT/);
    // A plain page with hls.js and a <video>, on an origin of its own (the app's pages allow no inline
    // script); its requests for the HLS are answered from the app, as a CDN in front of it would.
    const player = await viewerContext.newPage();
    await player.route('http://replay.test/**', async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>replay</title><body></body>' });
      const file = pathname.replace(/^\/hls\//, '');
      return route.fulfill({ response: await route.fetch({ url: new URL(`/api/shows/${showId}/hls/${file}`, baseURL).toString() }) });
    });
    await player.goto('http://replay.test/');
    await player.addScriptTag({ path: hlsScript });
    await player.evaluate(() => {
      const video = document.createElement('video');
      video.id = 'replay';
      video.muted = true;
      document.body.append(video);
      const hls = new (
        window as unknown as { Hls: new () => { loadSource(s: string): void; attachMedia(v: HTMLVideoElement): void } }
      ).Hls();
      hls.loadSource('http://replay.test/hls/index.m3u8');
      hls.attachMedia(video);
      void video.play().catch(() => undefined);
    });
    await expect.poll(() => decodedFrames(player, '#replay'), { message: 'the recording plays', timeout: 60_000 }).toBeGreaterThan(30);
  });

  await Promise.all([hostContext.close(), viewerContext.close()]);
});
