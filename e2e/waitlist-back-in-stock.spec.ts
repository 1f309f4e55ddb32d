import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { expect, pageReady, signIn, test } from './support/fixtures';

/** A live show of its own whose pinned product (one variant) is sold out: nobody else buys or restocks it. */
async function soldOutShow(db: pg.Client): Promise<{ showId: string; productId: string; variantId: string; title: string }> {
  const suffix = randomUUID().slice(0, 8);
  const productId = `e2e_wl_product_${suffix}`;
  const variantId = `e2e_wl_variant_${suffix}`;
  const showId = `e2e_waitlist_${suffix}`;
  const title = `Waitlist Tote ${suffix.slice(0, 4)}`;
  await db.query(
    `INSERT INTO "Product" (id, "brandId", title, description, status, "updatedAt")
     SELECT $1, b.id, $2, 'A tote for the waitlist spec.', 'ACTIVE', now() FROM "Brand" b WHERE b.slug = 'lumen'`,
    [productId, title],
  );
  await db.query(
    `INSERT INTO "ProductVariant" (id, "productId", sku, name, "priceMinor", currency, stock) VALUES ($1, $2, $3, 'One size', 2500, 'USD', 0)`,
    [variantId, productId, `E2E-WL-${suffix}`],
  );
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "pinnedProductId")
     SELECT $1, b.id, u.id, $2, now(), 'LIVE', now(), 'ACCEPTED', $3 FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, `Restock night ${suffix.slice(0, 4)}`, productId],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, productId]);
  return { showId, productId, variantId, title };
}

// Issue 18 item 5: "Notify me" on a sold-out variant, a restock from the dashboard, and the
// unit held for the waiter, announced by a toast over the stream and bought with one tap,
// while another viewer still sees it sold out.
test('a waiter is told over the stream that the restocked unit is held for them, and buys it; others still see it sold out', async ({
  browser,
  db,
}, testInfo) => {
  const { showId, productId, variantId, title } = await soldOutShow(db);
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const waiterContext = await browser.newContext(phone);
  const otherContext = await browser.newContext(phone);
  const brandContext = await browser.newContext();
  await Promise.all([
    signIn(waiterContext, 'viewer@demo.live'),
    signIn(otherContext, 'viewer2@demo.live'),
    signIn(brandContext, 'brand@demo.live'),
  ]);
  const waiter = await waiterContext.newPage();
  const other = await otherContext.newPage();

  await test.step('the waiter taps "Notify me" on the sold-out card and is first in line', async () => {
    await waiter.goto(`/shows/${showId}`);
    await other.goto(`/shows/${showId}`);
    const card = waiter.getByTestId('pinned-product');
    await expect(card.getByTestId('stock-left')).toHaveText('Sold out');
    await card.getByRole('button', { name: 'Notify me when One size is back in stock' }).click();
    await expect(card.getByText('You are number 1 in line.', { exact: false })).toBeVisible();
    await waiter.screenshot({ path: testInfo.outputPath('waiting-phone.png') });
    const { rows } = await db.query(`SELECT status FROM "WaitlistEntry" WHERE "variantId" = $1`, [variantId]);
    expect(rows).toEqual([{ status: 'WAITING' }]);
  });

  await test.step('the brand restocks one unit from the dashboard; it is held for the waiter, not put in stock', async () => {
    const dashboard = await brandContext.newPage();
    await dashboard.goto(`/dashboard/brands/lumen/products/${productId}`);
    await pageReady(dashboard);
    await expect(dashboard.getByRole('heading', { name: title })).toBeVisible();
    await dashboard.getByLabel('Stock').fill('1');
    await dashboard.getByRole('button', { name: 'Save changes' }).click();
    await expect(dashboard.getByText('Changes saved.')).toBeVisible();
    // The figure typed was 1; the unit went to the waitlist, and the editor says where it is.
    await expect(dashboard.getByText('1 more is held for people on the waitlist', { exact: false })).toBeVisible();
    const { rows } = await db.query(
      `SELECT w.status, v.stock FROM "WaitlistEntry" w JOIN "ProductVariant" v ON v.id = w."variantId" WHERE w."variantId" = $1`,
      [variantId],
    );
    expect(rows).toEqual([{ status: 'HELD', stock: 0 }]);
  });

  await test.step('a "back in stock" toast appears over the waiter\'s stream; the other viewer still sees it sold out', async () => {
    const toast = waiter.getByTestId('back-in-stock');
    await expect(toast).toContainText('Back in stock!');
    await expect(toast).toContainText(`${title} — One size is held for you`);
    await expect(other.getByTestId('pinned-product').getByTestId('stock-left')).toHaveText('Sold out');
    await expect(other.getByTestId('back-in-stock')).toHaveCount(0);
    await waiter.screenshot({ path: testInfo.outputPath('toast-phone.png') });
    await toast.getByRole('button', { name: 'Buy it' }).click();
  });

  await test.step('the other viewer asks from the brand page and is first of those still waiting', async () => {
    const brandPage = await otherContext.newPage();
    await brandPage.goto('/brands/lumen');
    await pageReady(brandPage);
    await brandPage.getByRole('button', { name: `Notify me when ${title} — One size is back in stock` }).click();
    await expect(brandPage.getByText('On the list: number 1')).toBeVisible();
    const { rows } = await db.query(
      `SELECT w.status FROM "WaitlistEntry" w JOIN "User" u ON u.id = w."userId" WHERE w."variantId" = $1 AND u.email = 'viewer2@demo.live'`,
      [variantId],
    );
    expect(rows).toEqual([{ status: 'WAITING' }]);
  });

  await test.step('the waiter buys the held unit with one tap; the hold is spent and the offer email was queued', async () => {
    const card = waiter.getByTestId('pinned-product');
    await expect(card.getByTestId('held-for-you')).toBeVisible();
    await waiter.screenshot({ path: testInfo.outputPath('held-card-phone.png') });
    await card.getByRole('button', { name: /^Buy now/ }).click();
    await expect(waiter.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    const { rows } = await db.query(
      `SELECT u.email, w.status, w."orderId" IS NOT NULL AS "hasOrder", v.stock
         FROM "WaitlistEntry" w JOIN "ProductVariant" v ON v.id = w."variantId" JOIN "User" u ON u.id = w."userId"
        WHERE w."variantId" = $1 ORDER BY w.status`,
      [variantId],
    );
    expect(rows).toEqual([
      { email: 'viewer2@demo.live', status: 'WAITING', hasOrder: false, stock: 0 },
      { email: 'viewer@demo.live', status: 'BOUGHT', hasOrder: true, stock: 0 },
    ]);
    await expect
      .poll(async () => (await db.query(`SELECT 1 FROM "EmailMessage" WHERE "dedupeKey" LIKE $1`, [`waitlist-offer:%`])).rowCount)
      .toBeGreaterThan(0);
  });

  await Promise.all([waiterContext.close(), otherContext.close(), brandContext.close()]);
});
