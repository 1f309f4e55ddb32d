import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

/** Frames the viewer's <video> has decoded so far, and its size. */
function videoStats(page: Page) {
  return page.getByTestId('live-video').evaluate((el) => {
    const video = el as HTMLVideoElement;
    return { frames: video.getVideoPlaybackQuality().totalVideoFrames, width: video.videoWidth, height: video.videoHeight };
  });
}

test('a host goes live, a viewer watches the real stream, the host pins, the viewer buys in one tap and everyone sees the stock drop', async ({
  browser,
  db,
}) => {
  // A show of its own: it starts off air and its orders are this test's to count.
  const { showId } = await scheduleShowLikeDemo(db, 'live');
  const { rows: lineup } = await db.query<{ productId: string; title: string; variantId: string; stock: number }>(
    `SELECT p.id AS "productId", p.title, v.id AS "variantId", v.stock
       FROM "ShowProduct" sp JOIN "Product" p ON p.id = sp."productId" JOIN "ProductVariant" v ON v."productId" = p.id
      WHERE sp."showId" = $1 ORDER BY sp.position, v."priceMinor" LIMIT 1`,
    [showId],
  );
  const product = lineup[0]!;

  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const secondViewerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(viewerContext, 'viewer@demo.live'),
    signIn(secondViewerContext, 'viewer2@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();
  const secondViewer = await secondViewerContext.newPage();

  await test.step('the host opens the studio and goes live', async () => {
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByTestId('studio-status')).toHaveText('Off air');
    await studio.getByRole('button', { name: 'Go live' }).click();
    await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
  });

  await test.step('a viewer sees the host’s video playing', async () => {
    await viewer.goto(`/shows/${showId}`);
    await secondViewer.goto(`/shows/${showId}`);
    await expect.poll(async () => (await videoStats(viewer)).width, { message: 'video has a size' }).toBeGreaterThan(0);
    const first = await videoStats(viewer);
    // Frames keep being decoded: the stream is live, not a single still.
    await expect
      .poll(async () => (await videoStats(viewer)).frames, { message: 'decoded frames increase' })
      .toBeGreaterThan(first.frames + 10);
    expect(first.height).toBeGreaterThan(0);
  });

  await test.step('the host pins a product and the viewers see its card', async () => {
    await studio.getByRole('button', { name: `Pin ${product.title}` }).click();
    await expect(viewer.getByTestId('pinned-product').getByRole('heading', { name: product.title })).toBeVisible();
    await expect(secondViewer.getByTestId('pinned-product').getByRole('heading', { name: product.title })).toBeVisible();
    await expect(secondViewer.getByTestId('pinned-product').getByTestId('stock-left')).toHaveText(`${product.stock} left`);
  });

  await test.step('the viewer taps Buy and sees the confirmation', async () => {
    await viewer.getByRole('button', { name: /^Buy now/ }).click();
    await expect(viewer.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
  });

  await test.step('the database holds exactly one order and one unit less stock', async () => {
    const { rows: orders } = await db.query<{ status: string; variantId: string; quantity: number }>(
      `SELECT o.status, i."variantId", i.quantity FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
         JOIN "User" u ON u.id = o."buyerId" WHERE u.email = 'viewer@demo.live' AND o."showId" = $1`,
      [showId],
    );
    expect(orders).toEqual([{ status: 'PAID', variantId: product.variantId, quantity: 1 }]);
    const { rows: variants } = await db.query<{ stock: number }>(`SELECT stock FROM "ProductVariant" WHERE id = $1`, [product.variantId]);
    expect(variants[0]!.stock).toBe(product.stock - 1);
  });

  await test.step('a second viewer sees the new stock and the host sees the sale', async () => {
    await expect(secondViewer.getByTestId('pinned-product').getByTestId('stock-left')).toHaveText(`${product.stock - 1} left`);
    await expect(studio.getByTestId('sales-feed')).toContainText(product.title);
  });

  await test.step('the viewer shares the show: without a share sheet the link is copied', async () => {
    await viewerContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    await viewer.getByRole('button', { name: 'Share this show' }).click();
    await expect(viewer.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await viewer.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/shows/${showId}$`));
  });

  await Promise.all([hostContext.close(), viewerContext.close(), secondViewerContext.close()]);
});
