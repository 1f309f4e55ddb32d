import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { LOCALE_COOKIE, type Locale } from '../app/_i18n/locales';
import { MESSAGES } from '../app/_i18n/messages';
import { expect, signIn, test } from './support/fixtures';

// The main flow in each translated language: the host runs the studio and the
// viewer watches and buys, every control found by its words in that language
// (straight from the dictionaries, so a missing translation or an English
// leftover on these controls fails here).

/** The fixed text of a message before its first placeholder: "Buy now · {price}" → "Buy now · ". */
const lead = (message: string) => message.split('{')[0]!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function speak(context: BrowserContext, locale: Locale): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, domain: 'localhost', path: '/' }]);
}

function videoFrames(page: Page) {
  return page.getByTestId('live-video').evaluate((el) => {
    const video = el as HTMLVideoElement;
    return { frames: video.getVideoPlaybackQuality().totalVideoFrames, width: video.videoWidth };
  });
}

/** A scheduled show of its own, hosted by the demo host, with a product no other spec counts. */
async function scheduleOwnShow(db: import('pg').Client, locale: Locale): Promise<{ showId: string; title: string }> {
  const showId = `e2e_lang_${locale}_${randomUUID().slice(0, 8)}`;
  const {
    rows: [product],
  } = await db.query<{ id: string; title: string }>(`SELECT id, title FROM "Product" WHERE id = 'demo_product_spf'`);
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "hostInviteStatus", "recordingEnabled")
     SELECT $1, b.id, u.id, $2, now() + interval '1 hour', 'SCHEDULED', 'ACCEPTED', false FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, `Show in ${locale}`],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, product!.id]);
  return { showId, title: product!.title };
}

for (const locale of ['km', 'lo', 'mn'] as const) {
  const M = MESSAGES[locale];
  test(`in ${locale}: the host goes live and pins from the studio, the viewer watches and buys, all in that language`, async ({
    browser,
    db,
  }) => {
    const show = await scheduleOwnShow(db, locale);
    const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const viewerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await Promise.all([speak(hostContext, locale), speak(viewerContext, locale)]);
    await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(viewerContext, 'viewer2@demo.live')]);
    const studio = await hostContext.newPage();
    const viewer = await viewerContext.newPage();

    await test.step('the studio speaks the language and goes live', async () => {
      await studio.goto(`/studio/${show.showId}`);
      await expect(studio.locator('html')).toHaveAttribute('lang', locale);
      await expect(studio.getByTestId('studio-status')).toHaveText(M.studio.status.scheduled);
      await studio.getByRole('button', { name: M.studio.goLive, exact: true }).click();
      await studio.getByRole('dialog').getByRole('button', { name: M.studio.confirmGoLive.confirm }).click();
      await expect(studio.getByTestId('studio-status')).toHaveText(M.studio.status.live);
    });

    await test.step('the viewer page speaks the language and plays the stream', async () => {
      await viewer.goto(`/shows/${show.showId}`);
      await expect(viewer.locator('html')).toHaveAttribute('lang', locale);
      await expect.poll(async () => (await videoFrames(viewer)).width, { message: 'video has a size' }).toBeGreaterThan(0);
      const first = await videoFrames(viewer);
      await expect
        .poll(async () => (await videoFrames(viewer)).frames, { message: 'decoded frames increase' })
        .toBeGreaterThan(first.frames + 10);
    });

    await test.step('the host pins, the viewer buys in one tap and reads the confirmation in the language', async () => {
      await studio.getByRole('button', { name: M.studio.lineup.pinLabel.replace('{title}', show.title) }).click();
      const card = viewer.getByTestId('pinned-product');
      await expect(card.getByRole('heading', { name: show.title })).toBeVisible();
      await card.getByRole('button', { name: new RegExp(`^${escape(lead(M.viewer.product.buyNow))}`) }).click();
      await expect(viewer.getByRole('status').filter({ hasText: new RegExp(escape(lead(M.viewer.product.confirmed))) })).toBeVisible();
      await expect(studio.getByTestId('sales-feed')).toContainText(show.title);
    });

    await test.step('the receipt reaches the local mailbox in the language the buyer shopped in', async () => {
      // Written by the server from the same messages as the pages (the email namespace).
      const mailbox = await viewerContext.newPage();
      const receipt = mailbox.getByRole('link', { name: new RegExp(`^${escape(lead(M.email.receiptSubject))}`) }).first();
      await expect(async () => {
        await mailbox.goto('/mailbox?to=viewer2@demo.live');
        await expect(receipt).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      await receipt.click();
      await expect(mailbox.getByText(M.email.totalPaid, { exact: false }).first()).toBeVisible();
      await mailbox.close();
    });

    await test.step('the host ends the show after confirming, and the viewer is told in the language', async () => {
      await studio.getByRole('button', { name: M.studio.endShow, exact: true }).click();
      await studio.getByRole('dialog').getByRole('button', { name: M.studio.confirmEnd.confirm }).click();
      await expect(studio.getByTestId('studio-status')).toHaveText(M.studio.status.ended);
      await expect(viewer.getByText(M.viewer.status.ended)).toBeVisible();
    });

    await Promise.all([hostContext.close(), viewerContext.close()]);
  });
}
