import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, signIn, test } from './support/fixtures';
import { createShopper, startOwnLiveShow } from './support/own-show';
import { currentServer } from './support/current-server';
import { routeStripeJs } from './support/stripe-js';

// 3-D Secure over the stream (issue 21 item 1): a brand that takes cards through Stripe gets Stripe.js and its
// frames on its show pages (and only then); a one tap whose bank asks for authentication opens the bank's check
// in a sheet over the show, and the order is confirmed there without leaving the page.
test('a one tap that needs 3-D Secure is confirmed in a sheet over the stream (and a refusal gives the hold back and offers to try again), on a show page that admits Stripe only once its brand takes Stripe', async ({
  browser,
  db,
}) => {
  const stripeApi = readFileSync(currentServer().stripeUrlFile, 'utf8').trim();
  const show = await startOwnLiveShow(db, 'threeds');
  const owner = await browser.newContext();
  const buyerEmail = await createShopper(db, 'threeds');
  try {
    const page = await owner.newPage();
    await test.step('a show of a brand on test payments keeps the strict policy', async () => {
      const response = await page.goto(`/shows/${show.showId}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("frame-src 'none'");
      expect(csp).not.toContain('stripe.com');
    });

    await test.step('the owner switches the brand to Stripe, and its show pages admit Stripe.js and its frames', async () => {
      await signIn(owner, 'brand@demo.live');
      await page.goto('/dashboard/brands/lumen/payments');
      await page.getByLabel('Secret key').fill('sk_test_standin0000');
      await page.getByLabel('Publishable key').fill('pk_test_standin0000');
      await page.getByLabel('Webhook signing secret').fill('whsec_standin0000');
      await page.getByRole('button', { name: 'Save keys' }).click();
      await expect(page.getByText('Keys saved.')).toBeVisible();
      await page.getByLabel('Stripe (your own account)').check();
      await page.getByRole('button', { name: 'Use for card payments' }).click();
      await expect(page.getByText('Card payments now go through Stripe.')).toBeVisible();
      const response = await page.goto(`/shows/${show.showId}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain('frame-src https://js.stripe.com https://hooks.stripe.com');
      expect(csp).toContain('https://api.stripe.com');
    });

    await test.step('the buyer has a saved Stripe card whose bank asks for 3-D Secure', async () => {
      const {
        rows: [provider],
      } = await db.query<{ id: string }>(
        `SELECT p.id FROM "BrandPaymentProvider" p JOIN "Brand" b ON b.id = p."brandId" WHERE b.slug = 'lumen' AND p.kind = 'STRIPE'`,
      );
      const {
        rows: [buyer],
      } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [buyerEmail]);
      const customer = `cus_e2e${randomUUID().slice(0, 8)}`;
      // What Stripe Elements leaves in the buyer's Customer (saving through Elements is the card page's, not this test's).
      const saved = await fetch(`${stripeApi}/__test/cards`, {
        method: 'POST',
        body: new URLSearchParams({ customer, kind: 'authentication' }),
      });
      const { id: paymentMethod } = (await saved.json()) as { id: string };
      await db.query(`INSERT INTO "StripeCustomer" ("providerId", "userId", "customerId") VALUES ($1, $2, $3)`, [
        provider!.id,
        buyer!.id,
        customer,
      ]);
      await db.query(
        `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault") VALUES ($1, $2, 'stripe', $3, 'visa', '3184', 12, 2034, true)`,
        [`e2e_pm_${randomUUID().slice(0, 8)}`, buyer!.id, `stripe:${provider!.id}:${customer}:${paymentMethod}`],
      );
      await db.query(
        `INSERT INTO "Address" (id, "userId", "fullName", line1, city, "postalCode", country, "isDefault") VALUES ($1, $2, 'Dara Threeds', '12 Street 240', 'Phnom Penh', '12207', 'KH', true)`,
        [`e2e_addr_${randomUUID().slice(0, 8)}`, buyer!.id],
      );
    });

    await test.step('on a phone, Buy opens the bank’s check in a sheet over the show; once the bank confirms, the order is confirmed on the page', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await routeStripeJs(context, stripeApi);
      await signIn(context, buyerEmail);
      const viewer = await context.newPage();
      await viewer.goto(`/shows/${show.showId}`);
      const buy = viewer.getByRole('button', { name: /^Buy now/ });
      await buy.click();
      const sheet = viewer.getByRole('dialog', { name: /^Confirm your payment for/ });
      await expect(sheet).toBeVisible();
      // The order holds its unit while the bank's check runs.
      await expect
        .poll(async () => (await db.query(`SELECT status FROM "Order" WHERE "showId" = $1`, [show.showId])).rows[0]?.status)
        .toBe('PLACED');
      const bank = viewer.frameLocator('iframe[src^="https://hooks.stripe.com/"]');
      await bank.getByRole('button', { name: 'Complete authentication' }).click();
      await expect(sheet.getByRole('status')).toHaveText(/^Your bank confirmed the payment\. Order #\d+ is placed\.$/);
      await expect
        .poll(async () => (await db.query(`SELECT status FROM "Order" WHERE "showId" = $1`, [show.showId])).rows[0]?.status)
        .toBe('PAID');
      expect(viewer.url()).toContain(`/shows/${show.showId}`);
      await sheet.getByRole('button', { name: 'Close' }).click();
      await expect(sheet).toBeHidden();
      await expect(viewer.getByTestId('pinned-product').getByRole('status')).toContainText(/Order #\d+ confirmed/);

      // A bank that refuses: the hold is given back, the sheet says so in plain words and offers to try again.
      const stock = async () =>
        (await db.query<{ stock: number }>(`SELECT stock FROM "ProductVariant" WHERE id = $1`, [show.variantId])).rows[0]!.stock;
      const before = await stock();
      // Just bought through the sheet: a second tap asks first, as after any purchase.
      await buy.click();
      const card = viewer.getByTestId('pinned-product');
      await expect(card.getByText(/^You just bought this\. Buy another\?/)).toBeVisible();
      await card.getByRole('button', { name: 'Buy another' }).click();
      await expect(sheet).toBeVisible();
      await expect.poll(stock).toBe(before - 1);
      await bank.getByRole('button', { name: 'Fail authentication' }).click();
      await expect(sheet.getByRole('alert')).toHaveText(
        'Your bank did not confirm the payment. Nothing was charged and the item went back on sale.',
      );
      await expect(sheet.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect.poll(stock).toBe(before);
      await context.close();
    });

    await test.step('back on test payments, the show page keeps Stripe out again', async () => {
      await page.goto('/dashboard/brands/lumen/payments');
      await page.getByLabel('Test payments (no real money)').check();
      await page.getByRole('button', { name: 'Use for card payments' }).click();
      await expect(page.getByText('Card payments now go through Test payments (no real money).')).toBeVisible();
      const response = await page.goto(`/shows/${show.showId}`);
      expect(response?.headers()['content-security-policy'] ?? '').not.toContain('stripe.com');
    });
  } finally {
    // Other specs buy from this brand with test cards.
    await db.query(`DELETE FROM "BrandPaymentProvider" WHERE kind = 'STRIPE'`);
    await owner.close();
  }
});
