import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

// A live show of its own (the demo show belongs to the live-show spec), with the
// serum pinned: buying needs no video, and its stock is this test's to count.
async function startOwnLiveShow(db: import('pg').Client): Promise<{ showId: string; productId: string; variantId: string; stock: number }> {
  const showId = `e2e_checkout_${randomUUID().slice(0, 8)}`;
  const {
    rows: [v],
  } = await db.query<{ id: string; productId: string; stock: number }>(
    `SELECT v.id, v."productId", v.stock FROM "ProductVariant" v WHERE v.sku = 'LUM-CREAM-50ML'`,
  );
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "pinnedProductId")
     SELECT $1, b.id, u.id, 'Checkout night', now(), 'LIVE', now(), 'ACCEPTED', $2 FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, v!.productId],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, v!.productId]);
  return { showId, productId: v!.productId, variantId: v!.id, stock: v!.stock };
}

test('a first-time buyer signs up, buys in one tap through the wallet sheet without leaving the show, then checks out a bag with a coupon', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db);
  const email = `first-${Date.now().toString(36)}@test.live`;
  await db.query(
    `INSERT INTO "Coupon" (id, "brandId", code, kind, value, "maxRedemptions") SELECT $1, id, 'E2E10', 'PERCENT', 10, 100 FROM "Brand" WHERE slug = 'lumen' ON CONFLICT DO NOTHING`,
    [`e2e_coupon_${randomUUID().slice(0, 8)}`],
  );
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();

  await test.step('sign up with email and password', async () => {
    await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/shows/${show.showId}`)}`);
    await page.getByLabel('Your name').fill('Nary Chan');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('a-long-passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(new RegExp(`/shows/${show.showId}$`));
  });

  await test.step('the first tap opens the wallet sheet over the stream; saving completes the same purchase', async () => {
    await page.getByRole('button', { name: /^Buy now/ }).click();
    const sheet = page.getByRole('dialog');
    await expect(sheet).toBeVisible();
    await sheet.getByLabel('Full name').fill('Nary Chan');
    await sheet.getByLabel('Street address').fill('21 Sisowath Quay');
    await sheet.getByLabel('City').fill('Phnom Penh');
    await sheet.getByRole('combobox', { name: 'Country' }).fill('KH');
    await sheet.getByRole('option', { name: /^Cambodia/ }).click();
    await sheet.getByLabel('Card number').fill('4242 4242 4242 4242');
    await sheet.getByLabel('Month').fill('12');
    await sheet.getByLabel('Year').fill(String(new Date().getFullYear() + 3));
    await sheet.getByLabel('Security code').fill('123');
    await sheet.getByLabel('Name on card').fill('Nary Chan');
    await sheet.getByRole('button', { name: 'Save and buy' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/shows/${show.showId}$`));

    const { rows: orders } = await db.query(
      `SELECT o."totalMinor", o."shippingMinor", o.source FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1`,
      [email],
    );
    expect(orders).toEqual([{ totalMinor: 3200 + 400, shippingMinor: 400, source: 'ONE_TAP' }]);
    // Only the provider's token is stored, never the number.
    const { rows: cards } = await db.query(
      `SELECT token, last4 FROM "PaymentMethod" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
      [email],
    );
    expect(cards).toEqual([{ token: 'tok_test_visa_4242', last4: '4242' }]);
  });

  await test.step('two units in the bag, a 10 % coupon, the totals before paying, one payment', async () => {
    // On a phone the product card is a compact bar: Add to bag is in its opened part.
    await page.getByRole('button', { name: 'Show options and details' }).click();
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await expect(page.getByTestId('bag-count')).toHaveText('1');
    await page.getByRole('button', { name: /^Bag, / }).click();
    const bag = page.getByRole('dialog');
    await bag.getByRole('button', { name: /^One more / }).click();
    await bag.getByLabel('Coupon code').fill('e2e10');
    await bag.getByRole('button', { name: 'Apply' }).click();
    // 2 × 32.00 = 64.00, minus 6.40, free shipping from 50.00.
    await expect(bag.getByRole('button', { name: 'Pay $57.60' })).toBeVisible();
    await bag.getByRole('button', { name: 'Pay $57.60' }).click();
    await expect(bag.getByText(/Order #\d+ confirmed/)).toBeVisible();
    const { rows } = await db.query(
      `SELECT o."subtotalMinor", o."discountMinor", o."shippingMinor", o."totalMinor", o.source, (SELECT count(*)::int FROM "Payment" p WHERE p."orderId" = o.id) AS payments
         FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1 AND o.source = 'BAG'`,
      [email],
    );
    expect(rows).toEqual([{ subtotalMinor: 6400, discountMinor: 640, shippingMinor: 0, totalMinor: 5760, source: 'BAG', payments: 1 }]);
    const {
      rows: [stock],
    } = await db.query<{ stock: number }>(`SELECT stock FROM "ProductVariant" WHERE id = $1`, [show.variantId]);
    expect(stock!.stock).toBe(show.stock - 3);
  });
  await context.close();
});
