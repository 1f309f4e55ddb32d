import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { createShopper, startOwnLiveShow, type OwnShow } from './support/own-show';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let show: OwnShow;

test.beforeAll(async ({ db }) => {
  show = await startOwnLiveShow(db, 'sheet');
});

/** True when a tap at the element's centre would land on the element (or inside it), not on something drawn over it. */
async function reachable(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) return false;
  const viewport = page.viewportSize()!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (x < 0 || y < 0 || x > viewport.width || y > viewport.height) return false;
  return element.evaluate(
    (el, [px, py]) => {
      const hit = document.elementFromPoint(px!, py!);
      return hit !== null && (el === hit || el.contains(hit) || hit.contains(el));
    },
    [x, y],
  );
}

async function openSheet(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Buy now/ }).click();
  const sheet = page.getByTestId('one-tap-sheet');
  await expect(sheet.getByLabel('Full name')).toBeVisible();
  return sheet;
}

test('on a phone the first-time sheet is in view below the header, nothing covers its title, Close or fields, and a tap outside, Escape or a swipe down closes it', async ({
  browser,
  db,
}) => {
  const context = await browser.newContext(PHONE);
  await signIn(context, await createShopper(db, 'sheetphone'));
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  const sheet = await openSheet(page);

  await test.step('the title and Close are on the screen, below the sticky header, and nothing is drawn over them', async () => {
    const box = (await sheet.boundingBox())!;
    // The header is 56 px tall (h-14).
    expect(box.y).toBeGreaterThanOrEqual(56);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    expect(await reachable(page, sheet.getByRole('heading', { name: 'Add your details to buy' }))).toBe(true);
    expect(await reachable(page, sheet.getByRole('button', { name: 'Close' }))).toBe(true);
  });

  await test.step('every field can be reached: no reaction button or chat Send sits on top of one', async () => {
    for (const label of [
      'Full name',
      'Street address',
      'City',
      'Country',
      'Card number',
      'Month',
      'Year',
      'Security code',
      'Name on card',
    ]) {
      const field = sheet.getByLabel(label, { exact: true });
      await field.scrollIntoViewIfNeeded();
      expect(await reachable(page, field), label).toBe(true);
    }
  });

  await test.step('a tap on the backdrop closes the sheet and says what one-tap buying needs', async () => {
    await page.touchscreen.tap(195, 20);
    await expect(sheet).toBeHidden();
    await expect(page.getByText('Add an address and a card to buy in one tap.')).toBeVisible();
  });

  await test.step('Escape closes it too', async () => {
    await openSheet(page);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });

  await test.step('and so does a swipe down on its top bar', async () => {
    await openSheet(page);
    const bar = sheet.getByRole('heading', { name: 'Add your details to buy' });
    const box = (await bar.boundingBox())!;
    await bar.evaluate(
      (el, [x, y]) => {
        const at = (clientY: number) => ({ bubbles: true, pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY });
        el.dispatchEvent(new PointerEvent('pointerdown', at(y!)));
        el.dispatchEvent(new PointerEvent('pointermove', at(y! + 60)));
        el.dispatchEvent(new PointerEvent('pointerup', at(y! + 140)));
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    await expect(sheet).toBeHidden();
  });
  await context.close();
});

test('a first-time buyer types "Cambodia" to pick the country (KH, never CA); 4000 0000 0000 0002 is refused in the sheet and never saved, and the order is confirmed on 4242', async ({
  browser,
  db,
}) => {
  const email = await createShopper(db, 'declined');
  const context = await browser.newContext(PHONE);
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  const sheet = await openSheet(page);
  const fillCard = async (number: string) => {
    await sheet.getByLabel('Card number').fill(number);
    await sheet.getByLabel('Month').fill('12');
    await sheet.getByLabel('Year').fill(String(new Date().getFullYear() + 3));
    await sheet.getByLabel('Security code').fill('123');
    await sheet.getByLabel('Name on card').fill('Sokha Chan');
    await sheet.getByRole('button', { name: 'Save and buy' }).click();
  };
  const savedCards = async () =>
    (await db.query(`SELECT m.last4, m."isDefault" FROM "PaymentMethod" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [email]))
      .rows;

  await test.step('the country is found by typing its name and picked from the list', async () => {
    await sheet.getByLabel('Full name').fill('Sokha Chan');
    await sheet.getByLabel('Street address').fill('21 Sisowath Quay');
    await sheet.getByLabel('City').fill('Phnom Penh');
    const country = sheet.getByRole('combobox', { name: 'Country' });
    await country.fill('Cambodia');
    await sheet.getByRole('option', { name: /^Cambodia/ }).click();
    await expect(country).toHaveValue('Cambodia');
  });

  await test.step('the declined card is checked with the provider before it is kept: the sheet says so and stays open, nothing is saved', async () => {
    await fillCard('4000 0000 0000 0002');
    await expect(sheet.getByText('This card was declined, so it was not saved. Try another card.')).toBeVisible();
    await expect(sheet.getByLabel('Street address')).toHaveValue('21 Sisowath Quay');
    expect(await savedCards()).toEqual([]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1`, [
      email,
    ]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  await test.step('another card in the same sheet is saved and the same tap buys', async () => {
    await fillCard('4242 4242 4242 4242');
    await expect(page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
  });

  await test.step('the wallet, the order and its shipping label say KH; only the working card is in the wallet, as the default', async () => {
    const { rows: addresses } = await db.query(`SELECT a.country FROM "Address" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [
      email,
    ]);
    expect(addresses).toEqual([{ country: 'KH' }]);
    const { rows: orders } = await db.query(
      `SELECT o."shipCountry" FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1`,
      [email],
    );
    expect(orders).toEqual([{ shipCountry: 'KH' }]);
    expect(await savedCards()).toEqual([{ last4: '4242', isDefault: true }]);
  });
  await context.close();
});

test('a returning buyer whose saved card now declines gets "Change card" beside the refusal in the show; the new card buys and becomes the default', async ({
  browser,
  db,
}) => {
  const email = await createShopper(db, 'declinedlater');
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") SELECT 'e2e_addr_' || substr(md5(random()::text), 1, 8), id, name, '3 Peace Ave', 'Ulaanbaatar', 'MN', true FROM "User" WHERE email = $1`,
    [email],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'e2e_card_' || substr(md5(random()::text), 1, 8), id, 'test', 'tok_test_visa_decline', 'visa', '0002', 12, $2, true FROM "User" WHERE email = $1`,
    [email, new Date().getFullYear() + 3],
  );
  const context = await browser.newContext(PHONE);
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  await page.getByRole('button', { name: /^Buy now/ }).click();
  await expect(page.getByText('Your payment was declined. Try another card.')).toBeVisible();
  await page.getByRole('button', { name: 'Change card' }).click();
  const sheet = page.getByTestId('one-tap-sheet');
  await expect(sheet.getByRole('heading', { name: 'Use another card' })).toBeVisible();
  await expect(sheet.getByLabel('Street address')).toHaveCount(0);
  await sheet.getByLabel('Card number').fill('4242 4242 4242 4242');
  await sheet.getByLabel('Month').fill('12');
  await sheet.getByLabel('Year').fill(String(new Date().getFullYear() + 3));
  await sheet.getByLabel('Security code').fill('123');
  await sheet.getByLabel('Name on card').fill('Bat Erdene');
  await sheet.getByRole('button', { name: 'Save and buy' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
  const { rows: cards } = await db.query(
    `SELECT m.last4 FROM "PaymentMethod" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m."isDefault"`,
    [email],
  );
  expect(cards).toEqual([{ last4: '4242' }]);
  await context.close();
});

test('a bag refused for a declined card offers "Change card" in the bag; the bag is paid on the new card', async ({ browser, db }) => {
  const email = await createShopper(db, 'bagdeclined');
  // A returning buyer whose saved default card now declines.
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") SELECT 'e2e_addr_' || substr(md5(random()::text), 1, 8), id, name, '3 Peace Ave', 'Ulaanbaatar', 'MN', true FROM "User" WHERE email = $1`,
    [email],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'e2e_card_' || substr(md5(random()::text), 1, 8), id, 'test', 'tok_test_visa_decline', 'visa', '0002', 12, $2, true FROM "User" WHERE email = $1`,
    [email, new Date().getFullYear() + 3],
  );
  const context = await browser.newContext(PHONE);
  await signIn(context, email);
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  // On a phone the product card is a compact bar: Add to bag is in its opened part.
  await page.getByRole('button', { name: 'Show options and details' }).click();
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await expect(page.getByTestId('bag-count')).toHaveText('1');
  await page.getByRole('button', { name: /^Bag, / }).click();
  const bag = page.getByRole('dialog', { name: 'Your bag' });
  await bag.getByRole('button', { name: /^Pay / }).click();
  await expect(bag.getByText('Your payment was declined. Try another card.')).toBeVisible();
  await bag.getByRole('button', { name: 'Change card' }).click();
  const sheet = page.getByTestId('one-tap-sheet');
  await sheet.getByLabel('Card number').fill('4242 4242 4242 4242');
  await sheet.getByLabel('Month').fill('12');
  await sheet.getByLabel('Year').fill(String(new Date().getFullYear() + 3));
  await sheet.getByLabel('Security code').fill('123');
  await sheet.getByLabel('Name on card').fill('Bat Erdene');
  await sheet.getByRole('button', { name: 'Save and buy' }).click();
  await expect(bag.getByText(/Order #\d+ confirmed/)).toBeVisible();
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = $1 AND o.source = 'BAG'`,
    [email],
  );
  expect(rows).toEqual([{ n: 1 }]);
  await context.close();
});
