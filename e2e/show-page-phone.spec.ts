import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';
import { screenshotPath } from './support/screenshots';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, `${locator} has a box`).not.toBeNull();
  return found!;
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The share of `video` not under any of `overlays`, sampled on a 2 px grid (the union, so overlaps are not counted twice). */
function uncoveredShare(video: Box, overlays: Box[]): number {
  let free = 0;
  let all = 0;
  for (let y = video.y + 1; y < video.y + video.height; y += 2) {
    for (let x = video.x + 1; x < video.x + video.width; x += 2) {
      all += 1;
      if (!overlays.some((o) => x >= o.x && x < o.x + o.width && y >= o.y && y < o.y + o.height)) free += 1;
    }
  }
  return free / all;
}

async function overlays(page: Page): Promise<Record<string, Locator>> {
  return {
    title: page.locator('[data-overlay="title"]'),
    status: page.locator('[data-overlay="status"]'),
    mute: page.getByRole('button', { name: 'Mute', exact: true }),
    quality: page.getByTestId('video-quality'),
    bag: page.getByRole('button', { name: /^Bag/ }),
    reactions: page.locator('[data-overlay="reactions"]'),
    pinnedMessage: page.getByTestId('pinned-message'),
    ticker: page.getByTestId('just-bought'),
    chat: page.getByTestId('chat-messages'),
    chatInput: page.getByRole('textbox', { name: 'Message', exact: true }),
    send: page.getByRole('button', { name: 'Send', exact: true }),
    product: page.getByTestId('pinned-product'),
  };
}

test('on a phone every overlay of a live show has its own zone and the video stays mostly in view', async ({ browser, db }) => {
  const show = await startOwnLiveShow(db, 'phonezones');
  // A busy show before the viewer arrives: a long chat and a pinned message come with the join snapshot.
  const {
    rows: [author],
  } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'viewer2@demo.live'`);
  for (let i = 1; i <= 12; i++) {
    await db.query(
      `INSERT INTO "ChatMessage" (id, "showId", "userId", text, "createdAt") VALUES ($1, $2, $3, $4, now() - make_interval(secs => $5))`,
      [
        `${show.showId}_m${i}`,
        show.showId,
        author!.id,
        i === 1
          ? 'Free shipping on everything over $50 tonight — ask me about sizes!'
          : `Message number ${i}: does it come in a bigger size for dry skin?`,
        60 - i,
      ],
    );
  }
  await db.query(`UPDATE "Show" SET "pinnedMessageId" = $2 WHERE id = $1`, [show.showId, `${show.showId}_m1`]);

  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const buyerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneContext = await browser.newContext(PHONE);
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(buyerContext, 'viewer2@demo.live'),
    signIn(phoneContext, 'viewer@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  const buyer = await buyerContext.newPage();
  const phone = await phoneContext.newPage();

  await test.step('the host sends video; the phone plays it with its sound button and quality label', async () => {
    await studio.goto(`/studio/${show.showId}`);
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
    await phone.goto(`/shows/${show.showId}`);
    await expect
      .poll(() => phone.getByTestId('live-video').evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect(phone.getByTestId('video-quality')).toBeVisible({ timeout: 30_000 });
    await expect(phone.getByTestId('pinned-message')).toBeVisible();
  });

  await test.step('someone else buys: the "just bought" line appears on the phone', async () => {
    await buyer.goto(`/shows/${show.showId}`);
    await buyer.getByRole('button', { name: /^Buy now/ }).click();
    await expect(buyer.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    await expect(phone.getByTestId('just-bought')).toBeVisible();
  });

  await test.step('no two overlays touch, and at least 55% of the video is not covered', async () => {
    const named = await overlays(phone);
    const boxes: [string, Box][] = [];
    for (const [name, locator] of Object.entries(named)) boxes.push([name, await box(locator)]);
    const collisions: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++)
        if (intersects(boxes[i]![1], boxes[j]![1])) collisions.push(`${boxes[i]![0]} × ${boxes[j]![0]}`);
    }
    expect(collisions).toEqual([]);
    // Chat shows about four lines, not a third of the screen.
    expect(boxes.find(([name]) => name === 'chat')![1].height).toBeLessThanOrEqual(90);
    const video = await box(phone.getByTestId('live-video'));
    const share = uncoveredShare(
      video,
      boxes.map(([, b]) => b),
    );
    test.info().annotations.push({ type: 'video uncovered', description: share.toFixed(3) });
    expect(share).toBeGreaterThanOrEqual(0.55);
    await phone.screenshot({ path: screenshotPath('viewer-phone-zones.png') });
  });

  await test.step('the compact product bar opens on tap to show options and Add to bag, and closes again', async () => {
    const card = phone.getByTestId('pinned-product');
    await expect(card.getByRole('button', { name: /^Buy now/ })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Add to bag' })).toBeHidden();
    await card.getByRole('button', { name: 'Show options and details' }).click();
    await expect(card.getByRole('button', { name: 'Add to bag' })).toBeVisible();
    await expect(card.getByTestId('stock-left')).toBeVisible();
    // The opened card stays below the top bar: the bag and the sound button still take taps.
    await phone.getByRole('button', { name: /^Bag/ }).click({ trial: true });
    await phone.getByRole('button', { name: 'Mute', exact: true }).click({ trial: true });
    await card.getByRole('button', { name: 'Hide options and details' }).click();
    await expect(card.getByRole('button', { name: 'Add to bag' })).toBeHidden();
  });

  await Promise.all([hostContext.close(), buyerContext.close(), phoneContext.close()]);
});
