import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

/** Frames a <video> has decoded so far. */
const decodedFrames = (video: Locator) => video.evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);

/** Resolves once the <video> has presented this many new frames: moving video, not a still. */
const presentsFrames = (video: Locator, count: number) =>
  video.evaluate(
    (el, n) =>
      new Promise<number>((resolve) => {
        const v = el as HTMLVideoElement;
        let seen = 0;
        const onFrame = () => (++seen >= n ? resolve(seen) : v.requestVideoFrameCallback(onFrame));
        v.requestVideoFrameCallback(onFrame);
      }),
    count,
  );

async function goLive(studio: Page, showId: string) {
  await studio.goto(`/studio/${showId}`);
  await studio.getByRole('button', { name: 'Go live' }).click();
  await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
  await expect(studio.getByTestId('studio-status')).toHaveText('Live');
}

test('a swipe in the phone feed shows the next live show moving, without a reload', async ({ browser, db }) => {
  // Two shows of this test's own, both live with the host's (fake) camera; the later one heads the feed.
  const first = await scheduleShowLikeDemo(db, 'feed_a');
  const second = await scheduleShowLikeDemo(db, 'feed_b');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(hostContext, 'host@demo.live');
  await goLive(await hostContext.newPage(), first.showId);
  await goLive(await hostContext.newPage(), second.showId);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const feed = page.getByRole('region', { name: /Live shows/ });
  const slideOf = (showId: string) => feed.locator(`section[data-show-id="${showId}"]`);
  const videoOf = (showId: string) => slideOf(showId).getByTestId('feed-video');
  // The feed renders what each show sends when it loads: open it once both studios are sending.
  await expect(async () => {
    await page.goto('/live');
    await expect(slideOf(first.showId)).toHaveAttribute('data-media', 'sending', { timeout: 1000 });
    await expect(slideOf(second.showId)).toHaveAttribute('data-media', 'sending', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  await test.step('the feed has no serious or critical accessibility violations', async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  await test.step('the show on screen plays', async () => {
    await expect(slideOf(second.showId)).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => decodedFrames(videoOf(second.showId)), { message: 'the first show decodes frames' }).toBeGreaterThan(5);
  });

  // A marker that a reload or a navigation would wipe.
  await page.evaluate(() => ((window as unknown as { feedMarker: number }).feedMarker = 1));

  await test.step('a swipe up brings the next show, moving', async () => {
    // What a swipe does to the page: the feed scrolls one screen and snaps there.
    await feed.evaluate((el) => el.scrollBy({ top: el.clientHeight }));
    await expect(slideOf(first.showId)).toHaveAttribute('aria-current', 'true');
    const before = await decodedFrames(videoOf(first.showId));
    expect(await presentsFrames(videoOf(first.showId), 10)).toBe(10);
    expect(await decodedFrames(videoOf(first.showId))).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { feedMarker?: number }).feedMarker)).toBe(1);
    await expect(page).toHaveURL(/\/live$/);
  });

  await test.step('the arrow keys move back to the first show, which plays again', async () => {
    await feed.focus();
    await page.keyboard.press('ArrowUp');
    await expect(slideOf(second.showId)).toHaveAttribute('aria-current', 'true');
    expect(await presentsFrames(videoOf(second.showId), 10)).toBe(10);
    await expect(page.getByRole('button', { name: 'Previous show' })).toBeDisabled();
  });

  await phone.close();
  await hostContext.close();
});
