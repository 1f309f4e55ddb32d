import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

// A second tap on Buy soon after a purchase is usually a double tap: each one-tap order
// is its own order with its own shipping, so the page asks before placing another, and
// says how many the buyer has of the show's per-buyer limit.
test('a second Buy on the same option asks "Buy another?" and places nothing until confirmed; the count of the limit is shown', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'repeatbuy');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  const orders = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.email = 'viewer@demo.live' AND o."showId" = $1`,
          [show.showId],
        )
      ).rows[0]!.n,
    );
  const buy = page.getByRole('button', { name: /^Buy now/ });
  const confirmation = page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ });

  await page.goto(`/shows/${show.showId}`);
  await buy.click();
  await expect(confirmation).toContainText("You've bought 1 of 5 allowed in this show.");
  expect(await orders()).toBe(1);

  await test.step('the second tap asks first; "No" places nothing', async () => {
    await buy.click();
    const ask = page.getByTestId('buy-another');
    await expect(ask).toContainText('You just bought this. Buy another?');
    await ask.getByRole('button', { name: 'No, one is enough' }).click();
    await expect(ask).toHaveCount(0);
    expect(await orders()).toBe(1);
  });

  await test.step('"Buy another" places the second order and counts it', async () => {
    await buy.click();
    await page.getByTestId('buy-another').getByRole('button', { name: 'Buy another' }).click();
    await expect(confirmation).toContainText("You've bought 2 of 5 allowed in this show.");
    expect(await orders()).toBe(2);
  });
  await context.close();
});
