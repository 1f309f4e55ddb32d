import { expect, signIn, test } from './support/fixtures';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { MESSAGES } from '../app/_i18n/messages';
import { createTranslator } from '../app/_i18n/standalone';
import { startOwnLiveShow } from './support/own-show';

test('a rejected coupon is never kept: "Remove code" clears it and Pay goes through, without a reload', async ({ browser, db }) => {
  const show = await startOwnLiveShow(db, 'coupon');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'viewer2@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  const orders = async () =>
    (
      await db.query<{ discountMinor: number }>(
        `SELECT o."discountMinor" FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = 'viewer2@demo.live' AND o."showId" = $1 AND o.source = 'BAG'`,
        [show.showId],
      )
    ).rows;

  await test.step('a wrong code is refused and "Remove code" sits beside the refusal', async () => {
    // On a phone the product card is a compact bar: Add to bag is in its opened part.
    await page.getByRole('button', { name: 'Show options and details' }).click();
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await expect(page.getByTestId('bag-count')).toHaveText('1');
    await page.getByRole('button', { name: /^Bag, / }).click();
    const bag = page.getByRole('dialog');
    await bag.getByLabel('Coupon code').fill('NOSUCHCODE');
    await bag.getByRole('button', { name: 'Apply' }).click();
    await expect(bag.getByText('We do not know the code NOSUCHCODE.')).toBeVisible();
    await bag.getByRole('button', { name: 'Remove code' }).click();
    await expect(bag.getByText('We do not know the code NOSUCHCODE.')).toBeHidden();
    await expect(bag.getByLabel('Coupon code')).toHaveValue('');
    await bag.getByRole('button', { name: /^Pay / }).click();
    await expect(bag.getByText(/Order #\d+ confirmed/)).toBeVisible();
    expect(await orders()).toEqual([{ discountMinor: 0 }]);
  });

  await test.step('after a refused code the bag is closed and opened again: Pay goes through without it', async () => {
    const bag = page.getByRole('dialog');
    await bag.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await expect(page.getByTestId('bag-count')).toHaveText('1');
    await page.getByRole('button', { name: /^Bag, / }).click();
    await bag.getByLabel('Coupon code').fill('STILLWRONG');
    await bag.getByRole('button', { name: 'Apply' }).click();
    await expect(bag.getByText('We do not know the code STILLWRONG.')).toBeVisible();
    await bag.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^Bag, / }).click();
    await bag.getByRole('button', { name: /^Pay / }).click();
    await expect(bag.getByText(/Order #\d+ confirmed/)).toBeVisible();
    await expect(bag.getByRole('alert')).toHaveCount(0);
    expect(await orders()).toHaveLength(2);
  });
  await context.close();
});

test('a refused coupon reaches a Khmer page as its Khmer sentence with the code filled in, never the English one', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'coupon-km');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.addCookies([{ name: LOCALE_COOKIE, value: 'km', domain: 'localhost', path: '/' }]);
  await signIn(context, 'viewer2@demo.live');
  const page = await context.newPage();
  const km = createTranslator('km', MESSAGES.km);
  await page.goto(`/shows/${show.showId}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  await page.getByRole('button', { name: km('viewer.product.moreDetails') }).click();
  await page.getByRole('button', { name: km('viewer.product.addToBag') }).click();
  await expect(page.getByTestId('bag-count')).toHaveText('1');
  await page
    .getByRole('button')
    .filter({ has: page.getByTestId('bag-count') })
    .click();
  const bag = page.getByRole('dialog');
  await bag.getByLabel(km('viewer.bag.couponCode')).fill('NOPE-123');
  await bag.getByRole('button', { name: km('viewer.bag.apply'), exact: true }).click();
  // The server refused with COUPON_INVALID, reason COUPON_UNKNOWN, params { code: 'NOPE-123' }.
  await expect(bag.getByText(km('errors.COUPON_UNKNOWN', { code: 'NOPE-123' }))).toBeVisible();
  await expect(bag.getByText('We do not know the code NOPE-123.')).toHaveCount(0);
  await context.close();
});
