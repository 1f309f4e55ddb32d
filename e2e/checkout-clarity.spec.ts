import type pg from 'pg';
import { expect, signIn, test } from './support/fixtures';
import { createShopper } from './support/own-show';
import { scheduleShowLikeDemo } from './support/shows';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A live copy of the demo show with `pinned` pinned (Lumen ships for $4.00, free from $50.00). */
async function liveShow(db: pg.Client, prefix: string, pinned: string): Promise<string> {
  const { showId } = await scheduleShowLikeDemo(db, prefix);
  await db.query(`UPDATE "Show" SET status = 'LIVE', "startedAt" = now(), "pinnedProductId" = $2 WHERE id = $1`, [showId, pinned]);
  return showId;
}

/** A buyer with a default address in Phnom Penh and a default card, as the wallet page would save them. */
async function buyerWithWallet(db: pg.Client, prefix: string, token = 'tok_test_visa_4242', last4 = '4242'): Promise<string> {
  const email = await createShopper(db, prefix);
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault")
     SELECT 'e2e_addr_' || substr(md5(random()::text), 1, 8), id, 'Sokha Chan', '21 Sisowath Quay', 'Phnom Penh', 'KH', true FROM "User" WHERE email = $1`,
    [email],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'e2e_card_' || substr(md5(random()::text), 1, 8), id, 'test', $2, 'visa', $3, 12, $4, true FROM "User" WHERE email = $1`,
    [email, token, last4, new Date().getFullYear() + 3],
  );
  return email;
}

test('the bag says where it ships and which card pays, with "Change" for each, before Pay; focus moves to the result after Pay', async ({
  browser,
  db,
}) => {
  const showId = await liveShow(db, 'bagwho', 'demo_product_cream');
  const email = await buyerWithWallet(db, 'bagwho');
  const context = await browser.newContext(PHONE);
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  await page.getByRole('button', { name: 'Show options and details' }).click();
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await expect(page.getByTestId('bag-count')).toHaveText('1');
  await page.getByRole('button', { name: /^Bag, / }).click();
  const bag = page.getByRole('dialog', { name: 'Your bag' });

  await test.step('"Ships to" names the person, city and country; "Pays with" the card brand and last four digits', async () => {
    await expect(bag.getByTestId('ships-to')).toContainText('Ships to Sokha Chan, Phnom Penh, Cambodia');
    await expect(bag.getByTestId('pays-with')).toContainText('Pays with Visa •••• 4242');
    await expect(bag.getByTestId('ships-to').getByRole('button', { name: 'Change the shipping address' })).toHaveText('Change');
    await expect(bag.getByTestId('pays-with').getByRole('button', { name: 'Change the card that pays' })).toHaveText('Change');
  });

  await test.step('"Change card" opens the card step over the bag; the new card is then the one named', async () => {
    await bag.getByRole('button', { name: 'Change the card that pays' }).click();
    const sheet = page.getByTestId('one-tap-sheet');
    await sheet.getByLabel('Card number').fill('5555 5555 5555 4444');
    await sheet.getByLabel('Month').fill('11');
    await sheet.getByLabel('Year').fill(String(new Date().getFullYear() + 2));
    await sheet.getByLabel('Security code').fill('321');
    await sheet.getByLabel('Name on card').fill('Sokha Chan');
    await sheet.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(sheet).toBeHidden();
    await expect(bag.getByTestId('pays-with')).toContainText('Pays with Mastercard •••• 4444');
    // Changing the card does not pay by itself: the buyer still presses Pay.
    await expect(bag.getByRole('button', { name: /^Pay / })).toBeEnabled();
  });

  await test.step('Pay confirms, and focus lands on the confirmation, not on the page body', async () => {
    await bag.getByRole('button', { name: /^Pay / }).click();
    const confirmed = bag.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ });
    await expect(confirmed).toBeVisible();
    await expect(confirmed).toBeFocused();
    const { rows } = await db.query(
      `SELECT m.last4 FROM "Order" o JOIN "PaymentMethod" m ON m.id = o."paymentMethodId" JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ last4: '4444' }]);
  });
  await context.close();
});

test('the shipping line under Buy appears only when shipping applies, and says "Free shipping" when the item ships free', async ({
  browser,
  db,
}) => {
  const showId = await liveShow(db, 'shipnote', 'demo_product_serum');
  const email = await buyerWithWallet(db, 'shipnote');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  const card = page.getByTestId('pinned-product');
  // 30 ml at $38.00 is under the $50.00 threshold: shipping is added.
  await expect(card.getByRole('button', { name: 'Buy now · $38.00' })).toBeVisible();
  await expect(card.getByTestId('shipping-note')).toHaveText('Plus $4.00 shipping per order, free from $50.00.');
  // 50 ml at $54.00 ships free: no "Plus $4.00 shipping" under it.
  await card.getByText('50 ml').click();
  await expect(card.getByRole('button', { name: 'Buy now · $54.00' })).toBeVisible();
  await expect(card.getByTestId('shipping-note')).toHaveText('Free shipping');
  await expect(card.getByText(/Plus \$4\.00/)).toHaveCount(0);
  await context.close();
});

test('after Buy focus moves to the confirmation, and after a declined Buy to the refusal with "Change card" beside it', async ({
  browser,
  db,
}) => {
  const showId = await liveShow(db, 'buyfocus', 'demo_product_cream');
  const email = await buyerWithWallet(db, 'buyfocus');
  const declinedEmail = await buyerWithWallet(db, 'buyfocusdeclined', 'tok_test_visa_decline', '0002');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  await page.getByRole('button', { name: /^Buy now/ }).click();
  const confirmed = page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ });
  await expect(confirmed).toBeVisible();
  await expect(confirmed).toBeFocused();
  await context.close();

  const declined = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(declined, declinedEmail);
  const other = await declined.newPage();
  await other.goto(`/shows/${showId}`);
  await other.getByRole('button', { name: /^Buy now/ }).click();
  const refusal = other.getByRole('alert').filter({ hasText: 'Your payment was declined. Try another card.' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toBeFocused();
  await expect(refusal.getByRole('button', { name: 'Change card' })).toBeVisible();
  await declined.close();
});
