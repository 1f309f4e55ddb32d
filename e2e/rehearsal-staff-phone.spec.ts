import type { Locator } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

/** Waits until the video decodes more frames than it had: a live picture, not a still. */
async function expectDecoding(video: Locator) {
  await expect.poll(() => video.evaluate((el) => (el as HTMLVideoElement).videoWidth), { timeout: 60_000 }).toBeGreaterThan(0);
  const frames = () => video.evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
  const first = await frames();
  await expect.poll(frames).toBeGreaterThan(first + 10);
}

test('during a rehearsal the brand’s staff watch the stream on the show page under a rehearsal banner; a viewer waits outside', async ({
  browser,
  db,
}) => {
  const { showId } = await scheduleShowLikeDemo(db, 'rehearsalstaff');
  await db.query(`UPDATE "Show" SET "recordingEnabled" = false WHERE id = $1`, [showId]);
  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staffContext = await browser.newContext(PHONE);
  const viewerContext = await browser.newContext(PHONE);
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(staffContext, 'brand@demo.live'),
    signIn(viewerContext, 'viewer@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  await studio.goto(`/studio/${showId}`);
  await studio.getByRole('button', { name: 'Rehearse' }).click();
  await expect(studio.getByText('Rehearsal: only you and the brand’s team can see this.', { exact: false })).toBeVisible();

  const staff = await staffContext.newPage();
  await staff.goto(`/shows/${showId}`);
  await expect(staff.getByTestId('rehearsal-banner')).toHaveText('Rehearsal — viewers can’t see this');
  await expectDecoding(staff.getByTestId('live-video'));

  const viewer = await viewerContext.newPage();
  await viewer.goto(`/shows/${showId}`);
  await expect(viewer.getByRole('heading', { name: 'Rehearsal in progress' })).toBeVisible();
  await expect(viewer.getByTestId('live-video')).toHaveCount(0);

  // The rehearsal ends: the staff's banner goes.
  await studio.getByRole('button', { name: 'End rehearsal' }).click();
  await expect(staff.getByTestId('rehearsal-banner')).toHaveCount(0);
  await Promise.all([hostContext.close(), staffContext.close(), viewerContext.close()]);
});
