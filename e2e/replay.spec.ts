import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { LOCALE_COOKIE, type Locale } from '../app/_i18n/locales';
import { MESSAGES } from '../app/_i18n/messages';
import { makeHlsRecording } from '../test/support/hls-fixture';
import { currentServer } from './support/current-server';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { screenshotPath } from './support/screenshots';
import { scheduleShowLikeDemo } from './support/shows';

// A shoppable replay (issue 16 item 2): an ended show with a real HLS recording (Debian's ffmpeg,
// program date times from the show's first frame) and pin events at known server times.
const RECORDING_SECONDS = 20;
const SERUM_PIN_S = 12;

/**
 * An ended copy of the demo show that was live for RECORDING_SECONDS a minute ago: Cloud Cream
 * pinned before the first frame, Dewy Glow Serum at SERUM_PIN_S, a chat message at 3 s (and one
 * the moderators deleted), and a flash deal on the serum the show left open.
 */
async function endedShowWithRecording(db: pg.Client, prefix: string) {
  const { showId } = await scheduleShowLikeDemo(db, prefix);
  const startedAt = new Date(Date.now() - 60_000);
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  await db.query(`UPDATE "Show" SET status = 'ENDED', "startedAt" = $2, "endedAt" = $3 WHERE id = $1`, [
    showId,
    startedAt,
    at(RECORDING_SECONDS),
  ]);
  const recording = await makeHlsRecording(db, { showId, dataDir: currentServer().dataDir, startedAt, seconds: RECORDING_SECONDS });
  const pin = (product: string, seconds: number) =>
    db.query(
      `INSERT INTO "PinEvent" (id, "showId", "productId", action, "offsetMs", "createdAt") VALUES (gen_random_uuid()::text, $1, $2, 'PIN', $3, $4)`,
      [showId, product, seconds * 1000, at(seconds)],
    );
  await pin('demo_product_cream', -1);
  await pin('demo_product_serum', SERUM_PIN_S);
  const say = (text: string, seconds: number, deleted: boolean) =>
    db.query(
      `INSERT INTO "ChatMessage" (id, "showId", "userId", text, "createdAt", "deletedAt")
       SELECT gen_random_uuid()::text, $1, id, $2, $3, $4 FROM "User" WHERE email = 'viewer2@demo.live'`,
      [showId, text, at(seconds), deleted ? at(seconds + 1) : null],
    );
  await say('Is the serum good for oily skin?', 3, false);
  await say('a message the moderators removed', 4, true);
  const serum = await db.query<{ id: string; priceMinor: number }>(
    `SELECT id, "priceMinor" FROM "ProductVariant" WHERE "productId" = 'demo_product_serum' ORDER BY "priceMinor" LIMIT 1`,
  );
  await db.query(
    `INSERT INTO "FlashDeal" (id, "showId", "productId", "variantId", "priceMinor", "endsAt")
     VALUES (gen_random_uuid()::text, $1, 'demo_product_serum', $2, 100, now() + interval '1 hour')`,
    [showId, serum.rows[0]!.id],
  );
  return { showId, recording, serum: serum.rows[0]! };
}

/** Serious and critical WCAG A/AA violations on the page as it is now (as e2e/accessibility.spec.ts reads them). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

const decodedFrames = (page: Page) =>
  page.getByTestId('replay-video').evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);

test('a replay decodes its recording, shows the serum once the playhead passes its pin (a chapter mark jumps there), replays the chat, and one tap buys it at the regular price', async ({
  browser,
  db,
}) => {
  const { showId, serum } = await endedShowWithRecording(db, 'replay');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  await pageReady(page);
  const card = page.getByTestId('pinned-product');

  await test.step('the recording plays: decoded frames keep increasing', async () => {
    await expect(page.getByTestId('show-ended')).toHaveCount(0);
    await expect.poll(() => decodedFrames(page), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await decodedFrames(page);
    await expect.poll(() => decodedFrames(page), { timeout: 30_000 }).toBeGreaterThan(first + 5);
  });

  await test.step("before the serum's pin, the product pinned then is on screen", async () => {
    await expect(card.getByRole('heading', { name: 'Cloud Cream Moisturiser' })).toBeVisible();
    await expect(card.getByRole('heading', { name: 'Dewy Glow Serum' })).toHaveCount(0);
  });

  await test.step('the chapter mark jumps to the pin: the serum appears, with the program date time on screen past its pin', async () => {
    const chapters = page.getByRole('navigation', { name: 'Chapters' });
    await chapters.getByRole('button', { name: `Dewy Glow Serum at 0:${SERUM_PIN_S}` }).click();
    await expect(card.getByRole('heading', { name: 'Dewy Glow Serum' })).toBeVisible();
    const playhead = Number(await page.getByRole('slider', { name: 'Position in the replay' }).inputValue());
    expect(playhead).toBeGreaterThanOrEqual(SERUM_PIN_S);
    // The chat said by then replays; a deleted message never does.
    await expect(page.getByTestId('replay-chat')).toContainText('Is the serum good for oily skin?');
    await expect(page.getByTestId('replay-chat')).not.toContainText('removed');
  });

  await test.step('the home page lists it under Replays with the Replay badge', async () => {
    const home = await context.newPage();
    await home.goto('/');
    const replays = home.getByRole('region', { name: 'Replays' });
    const card = replays.getByRole('listitem').filter({ has: home.locator(`a[href="/shows/${showId}"]`) });
    await expect(card.getByText('Replay', { exact: true })).toBeVisible();
    await home.close();
  });

  await test.step('one tap buys at the regular price, not the deal the show left open', async () => {
    await card.getByRole('button', { name: /^Buy now/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    const { rows } = await db.query<{ status: string; unitPriceMinor: number; dealId: string | null }>(
      `SELECT o.status, i."unitPriceMinor", i."dealId" FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
        JOIN "User" u ON u.id = o."buyerId" WHERE o."showId" = $1 AND u.email = 'viewer@demo.live'`,
      [showId],
    );
    expect(rows).toEqual([{ status: 'PAID', unitPriceMinor: serum.priceMinor, dealId: null }]);
  });
  await context.close();
});

test('an ended show without a recording still says it has ended, and is not listed as a replay', async ({ page, db }) => {
  const { showId } = await scheduleShowLikeDemo(db, 'norec');
  await db.query(`UPDATE "Show" SET status = 'ENDED', "startedAt" = now() - interval '1 hour', "endedAt" = now() WHERE id = $1`, [showId]);
  await page.goto(`/shows/${showId}`);
  await expect(page.getByTestId('show-ended')).toBeVisible();
  await expect(page.getByTestId('replay')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator(`a[href="/shows/${showId}"]`)).toHaveCount(0);
});

for (const locale of ['en', 'km', 'lo', 'mn'] as const satisfies readonly Locale[]) {
  test(`on a 390×844 phone in ${locale}: the replay plays, its chapter jumps to the serum, Buy is within reach, and axe finds nothing serious`, async ({
    browser,
    db,
  }) => {
    const M = MESSAGES[locale].viewer;
    const { showId } = await endedShowWithRecording(db, `replay_${locale}`);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, domain: 'localhost', path: '/' }]);
    await signIn(context, 'viewer@demo.live');
    const page = await context.newPage();
    await page.goto(`/shows/${showId}`);
    await pageReady(page);
    await expect.poll(() => decodedFrames(page), { timeout: 60_000 }).toBeGreaterThan(0);
    const chapters = page.getByRole('navigation', { name: M.replay.chapters });
    await chapters.getByRole('button', { name: new RegExp(`^Dewy Glow Serum`) }).click();
    const card = page.getByTestId('pinned-product');
    await expect(card.getByRole('heading', { name: 'Dewy Glow Serum' })).toBeVisible();
    await expect(page.getByRole('button', { name: M.replay.unmute })).toBeVisible();
    // Every control of the replay is on the screen, none under another.
    const buy = card.getByRole('button', { name: new RegExp(`^${M.product.buyNow.split('{')[0]!.trim()}`) });
    await expect(buy).toBeInViewport();
    await expect(page.getByRole('slider', { name: M.replay.seek })).toBeInViewport();
    await page.screenshot({ path: screenshotPath(`replay-phone-${locale}.png`) });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
}
