import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Page } from '@playwright/test';
import type { PlayoutClock } from '../app/_lib/playout-clock';
import { playheadOfServerTime, type TimedSegment } from '../server/domain/replay-timeline';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';
import { goLiveAndPublish } from './support/studio';

const hlsScript = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');

// The product the host pins while the HLS viewer watches; the replay shows it again at that moment.
const PINNED = { id: 'demo_product_serum', title: 'Dewy Glow Serum' };

/** The server time of the pin: Show.startedAt + PinEvent.offsetMs is the `at` its broadcast carried (stored before it is sent). */
async function pinServerMs(db: pg.Client, showId: string): Promise<number> {
  const { rows } = await db.query<{ at: number }>(
    `SELECT extract(epoch FROM s."startedAt")::float8 * 1000 + p."offsetMs" AS at FROM "PinEvent" p JOIN "Show" s ON s.id = p."showId"
      WHERE p."showId" = $1 AND p."productId" = $2 AND p.action = 'PIN'`,
    [showId, PINNED.id],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.at;
}

/** A media playlist's segments on the playhead, with their program date times (as the replay player reads them). */
function timedSegments(playlist: string): TimedSegment[] {
  const segments: TimedSegment[] = [];
  let start = 0;
  let programDateTimeMs: number | null = null;
  for (const line of playlist.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) programDateTimeMs = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
    if (!line.startsWith('#EXTINF:')) continue;
    const duration = Number.parseFloat(line.slice('#EXTINF:'.length));
    segments.push({ start, duration, programDateTimeMs });
    start += duration;
    programDateTimeMs = null;
  }
  return segments;
}

/**
 * Watches, inside the page, for the pinned card with `title` to become visible, and notes what `reading`
 * says at that very DOM change (a MutationObserver runs before the next paint), so the check does not
 * depend on how often Playwright polls. The card must first be seen absent. Read it with `cardAppearance`.
 */
async function watchForCard(page: Page, title: string, reading: 'playoutServerMs' | 'currentTime', videoTestId: string) {
  await page.evaluate(
    ({ title, reading, videoTestId }) => {
      const state = window as unknown as { cardAppeared?: { value: number | null }; cardWasAbsent?: boolean };
      const video = document.querySelector<HTMLVideoElement & { playoutClock?: PlayoutClock | null }>(`[data-testid="${videoTestId}"]`)!;
      const check = () => {
        const shown = [...document.querySelectorAll('[data-testid="pinned-product"] h2')].some(
          (heading) => heading.textContent === title && heading.checkVisibility(),
        );
        if (!shown) state.cardWasAbsent = true;
        else if (state.cardWasAbsent && !state.cardAppeared) {
          state.cardAppeared = { value: reading === 'currentTime' ? video.currentTime : (video.playoutClock?.playoutServerMs() ?? null) };
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      check();
    },
    { title, reading, videoTestId },
  );
}

async function cardAppearance(page: Page) {
  return page.evaluate(() => (window as unknown as { cardAppeared?: { value: number | null } }).cardAppeared ?? null);
}

/** Frames the page's <video> has decoded so far. */
function decodedFrames(page: Page, selector = '[data-testid="live-video"]') {
  return page.locator(selector).evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

test('a viewer forced onto HLS watches the live show over the backup stream and sees a pin no earlier than its picture; the ended show’s recording is READY, plays, and opens as a shoppable replay', async ({
  browser,
  db,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const { showId } = await scheduleShowLikeDemo(db, 'hls', { recording: true });
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

  await test.step('the host pins a product: the HLS viewer shows its card no earlier than the picture of the pin moment', async () => {
    await watchForCard(viewer, PINNED.title, 'playoutServerMs', 'live-video');
    expect(await viewer.evaluate(() => (window as unknown as { cardWasAbsent?: boolean }).cardWasAbsent)).toBe(true);
    await studio.getByRole('button', { name: `Pin ${PINNED.title}` }).click();
    await expect(viewer.getByTestId('pinned-product').getByRole('heading', { name: PINNED.title })).toBeVisible({ timeout: 60_000 });
    const pinAt = await pinServerMs(db, showId);
    const appeared = await cardAppearance(viewer);
    // The program date time of the frame on screen when the card appeared: applied at once (the realtime
    // clock), it would be the seconds of HLS latency before the pin.
    expect(appeared?.value).toEqual(expect.any(Number));
    expect(appeared!.value).toBeGreaterThanOrEqual(pinAt);
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

  let playlist = '';
  await test.step('the final playlist plays in Chromium: frames increase', async () => {
    const playlistUrl = new URL(`/api/shows/${showId}/hls/index.m3u8`, baseURL).toString();
    playlist = await (await viewer.request.get(playlistUrl)).text();
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

  await test.step('the ended show opens as a replay: frames increase, the pinned product appears as the playhead passes its pin (its chapter mark), and one tap buys it at the regular price', async () => {
    const replay = await viewerContext.newPage();
    await replay.goto(`/shows/${showId}`);
    await pageReady(replay);
    await expect(replay.getByTestId('replay')).toBeVisible();
    const frames = () => decodedFrames(replay, '[data-testid="replay-video"]');
    await expect.poll(frames, { message: 'the replay starts', timeout: 60_000 }).toBeGreaterThan(0);
    const first = await frames();
    await expect.poll(frames, { message: 'decoded frames increase', timeout: 60_000 }).toBeGreaterThan(first + 10);

    // Back before the pin (the host pinned after the HLS viewer's picture had started), paused there.
    await replay.getByTestId('replay-video').evaluate((video: HTMLVideoElement) => {
      video.pause();
      video.currentTime = 0;
    });
    const card = replay.getByTestId('pinned-product');
    await expect(card.getByRole('heading', { name: PINNED.title })).toHaveCount(0);
    await watchForCard(replay, PINNED.title, 'currentTime', 'replay-video');
    const pinPlayhead = playheadOfServerTime(timedSegments(playlist), await pinServerMs(db, showId));
    expect(pinPlayhead).toBeGreaterThan(0);

    await replay
      .getByRole('navigation', { name: 'Chapters' })
      .getByRole('button', { name: new RegExp(`^${PINNED.title} at \\d+:\\d\\d$`) })
      .click();
    await expect(card.getByRole('heading', { name: PINNED.title })).toBeVisible();
    const appeared = await cardAppearance(replay);
    // hls.js places each segment at its measured timestamps, a few ms off the playlist's durations summed.
    expect(appeared?.value).toBeGreaterThanOrEqual(pinPlayhead! - 0.05);

    await card.getByRole('button', { name: /^Buy now/ }).click();
    await expect(replay.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    const { rows } = await db.query<{ status: string; productId: string; regular: boolean; dealId: string | null }>(
      `SELECT o.status, v."productId", i."unitPriceMinor" = v."priceMinor" AS regular, i."dealId" FROM "Order" o
         JOIN "OrderItem" i ON i."orderId" = o.id JOIN "ProductVariant" v ON v.id = i."variantId"
         JOIN "User" u ON u.id = o."buyerId" WHERE o."showId" = $1 AND u.email = 'viewer@demo.live'`,
      [showId],
    );
    expect(rows).toEqual([{ status: 'PAID', productId: PINNED.id, regular: true, dealId: null }]);
  });

  await Promise.all([hostContext.close(), viewerContext.close()]);
});
