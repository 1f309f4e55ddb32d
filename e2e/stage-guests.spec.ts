import type { Locator } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

const SHOTS = process.env.STAGE_SCREENSHOTS_DIR;

/** Frames a <video> has decoded so far. */
const frames = (video: Locator) => video.evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);

/** Waits until the video decodes more frames than it had: a live picture, not a still. */
async function expectDecoding(video: Locator, what: string) {
  await expect
    .poll(() => video.evaluate((el) => (el as HTMLVideoElement).videoWidth), { message: `${what} has a size` })
    .toBeGreaterThan(0);
  const first = await frames(video);
  await expect.poll(() => frames(video), { message: `${what}: decoded frames increase` }).toBeGreaterThan(first + 10);
}

test('the host invites a viewer on stage, the guest publishes from the show page, a phone viewer decodes both videos, and the host removes the guest', async ({
  browser,
  db,
}) => {
  const { showId } = await scheduleShowLikeDemo(db, 'stage');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(guestContext, 'viewer@demo.live'),
    signIn(phoneContext, 'viewer2@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  const guest = await guestContext.newPage();
  const phone = await phoneContext.newPage();

  await test.step('the host goes live with the fake camera', async () => {
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByTestId('studio-status')).toHaveText('Off air');
    await studio.getByRole('button', { name: 'Go live' }).click();
    await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
  });

  await test.step('a signed-in viewer chats and the host invites them on stage from the chat', async () => {
    await guest.goto(`/shows/${showId}`);
    await pageReady(guest);
    // Once: Send waits for the show channel's join (a retry loop here once sent the line twice on a loaded machine).
    await guest.getByRole('textbox', { name: 'Message', exact: true }).fill('Can I show my routine?');
    await guest.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(guest.getByTestId('chat-messages')).toContainText('Can I show my routine?');
    await studio.getByRole('button', { name: /^Invite Sam .* on stage$/ }).click();
    await expect(studio.getByTestId('stage-panel').getByTestId('stage-person')).toContainText('Invited, waiting for an answer');
  });

  await test.step('the guest accepts and publishes camera and microphone from the show page', async () => {
    const invitation = guest.getByRole('dialog', { name: 'Mia Chen invites you on stage' });
    await expect(invitation).toBeVisible();
    await invitation.getByRole('button', { name: 'Join the stage' }).click();
    // The page reloads as the guest's own stage page, opens the camera and connects: generous on a loaded machine.
    await expect(guest.getByTestId('stage-status')).toHaveText('You are on stage', { timeout: 60_000 });
    await expect(studio.getByTestId('stage-panel').getByTestId('stage-person')).toContainText('On stage');
    // The guest is not sent their own stream back: they see the host, not themselves, as a guest.
    await expect(guest.getByTestId('guest-video')).toHaveCount(0);
  });

  await test.step('a third viewer on a phone decodes both videos, side by side', async () => {
    await phone.goto(`/shows/${showId}`);
    await expect(phone.getByTestId('stage-grid')).toBeVisible();
    await expectDecoding(phone.getByTestId('live-video'), 'the host');
    await expectDecoding(phone.getByTestId('guest-video'), 'the guest');
    await expect(phone.getByTestId('guest-video')).toHaveAttribute('aria-label', /^Sam .* on stage$/);
    // For a person to look at the phone layouts (never written into docs/).
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/stage-phone-side-by-side.png` });
  });

  await test.step('the host switches to picture in picture and the phone follows', async () => {
    await studio.getByLabel('How viewers see guests').selectOption('PICTURE_IN_PICTURE');
    await expect(phone.getByTestId('stage-pip')).toBeVisible();
    await expect(phone.getByTestId('stage-grid')).toHaveCount(0);
    await expectDecoding(phone.getByTestId('guest-video'), 'the guest in picture in picture');
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/stage-phone-pip.png` });
  });

  await test.step('the host removes the guest: the phone viewer’s second video goes away and the guest stops sending', async () => {
    await studio.getByRole('button', { name: /^Remove Sam .* from the stage$/ }).click();
    await expect(phone.getByTestId('guest-video')).toHaveCount(0);
    await expect(guest.getByTestId('stage-self')).toHaveCount(0);
    await expectDecoding(phone.getByTestId('live-video'), 'the host after the guest left');
  });

  await test.step('the database holds no seat and the show’s audit log the guest’s way on and off the stage', async () => {
    const { rows: seats } = await db.query(`SELECT 1 FROM "StageGuest" WHERE "showId" = $1`, [showId]);
    expect(seats).toHaveLength(0);
    const { rows: audit } = await db.query<{ kind: string }>(
      `SELECT kind FROM "ShowAuditEntry" WHERE "showId" = $1 AND kind LIKE 'stage.%' ORDER BY seq`,
      [showId],
    );
    expect(audit.map((a) => a.kind)).toEqual(['stage.invited', 'stage.joined', 'stage.removed']);
  });

  await Promise.all([hostContext.close(), guestContext.close(), phoneContext.close()]);
});
