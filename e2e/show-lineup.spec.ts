import type pg from 'pg';
import { expect, signIn, test } from './support/fixtures';
import { createShopper } from './support/own-show';
import { scheduleShowLikeDemo } from './support/shows';

/** A live copy of the demo show (its whole lineup) with the moisturiser pinned, and a buyer with a saved address and card. */
async function liveShowWithLineup(db: pg.Client, prefix: string): Promise<{ showId: string; email: string }> {
  const { showId } = await scheduleShowLikeDemo(db, prefix);
  await db.query(`UPDATE "Show" SET status = 'LIVE', "startedAt" = now(), "pinnedProductId" = 'demo_product_cream' WHERE id = $1`, [
    showId,
  ]);
  const email = await createShopper(db, prefix);
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault")
     SELECT 'e2e_addr_' || substr(md5(random()::text), 1, 8), id, name, '21 Sisowath Quay', 'Phnom Penh', 'KH', true FROM "User" WHERE email = $1`,
    [email],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'e2e_card_' || substr(md5(random()::text), 1, 8), id, 'test', 'tok_test_visa_4242', 'visa', '4242', 12, $2, true FROM "User" WHERE email = $1`,
    [email, new Date().getFullYear() + 3],
  );
  return { showId, email };
}

test('a lineup item opens that product over the stream (options, price, Buy, Add to bag), by keyboard too, and buys it without leaving the show', async ({
  browser,
  db,
}) => {
  const { showId, email } = await liveShowWithLineup(db, 'lineup');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  const card = page.getByTestId('pinned-product');
  await expect(card.getByRole('heading', { name: 'Cloud Cream Moisturiser' })).toBeVisible();

  await test.step('each lineup item is a button named for its product, reached with Tab and opened with Enter', async () => {
    const lineup = page.getByRole('region', { name: 'In this show' });
    const serum = lineup.getByRole('button', { name: /Dewy Glow Serum/ });
    await expect(serum).toBeVisible();
    await serum.focus();
    await expect(serum).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('heading', { name: 'Dewy Glow Serum' })).toBeVisible();
    await expect(card.getByRole('radio', { name: '30 ml' })).toBeChecked();
    await expect(card.getByRole('radio', { name: '50 ml' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Add to bag' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Buy now · $38.00' })).toBeVisible();
    await expect(lineup.getByRole('button', { name: /Dewy Glow Serum/ })).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('the 50 ml option is bought in one tap: the order is the serum, and the page is still the show', async () => {
    await card.getByText('50 ml').click();
    await card.getByRole('button', { name: 'Buy now · $54.00' }).click();
    await expect(card.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/shows/${showId}$`));
    const { rows } = await db.query(
      `SELECT v.sku FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id JOIN "ProductVariant" v ON v.id = i."variantId"
         JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1`,
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sku).toMatch(/SERUM/);
  });

  await test.step('"Back to the live product" brings the pinned product back', async () => {
    await card.getByRole('button', { name: 'Back to the live product' }).click();
    await expect(card.getByRole('heading', { name: 'Cloud Cream Moisturiser' })).toBeVisible();
  });
  await context.close();
});

test('on a phone the opened product card lists the lineup; a tap opens another product with its options over the stream', async ({
  browser,
  db,
}) => {
  const { showId, email } = await liveShowWithLineup(db, 'lineupphone');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  const card = page.getByTestId('pinned-product');
  await card.getByRole('button', { name: 'Show options and details' }).click();
  await card.getByRole('button', { name: /Velvet Lip Tint/ }).tap();
  await expect(card.getByRole('heading', { name: 'Velvet Lip Tint' })).toBeVisible();
  for (const shade of ['Rose', 'Coral', 'Berry']) await expect(card.getByText(shade, { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Buy now · $18.00' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Add to bag' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/shows/${showId}$`));
  await card.getByRole('button', { name: 'Back to the live product' }).tap();
  await expect(card.getByRole('heading', { name: 'Cloud Cream Moisturiser' })).toBeVisible();
  await context.close();
});
