import { expect, pageReady, signIn, test } from './support/fixtures';

test('on a phone a brand owner sets the return window in days as typed (Khmer digits too), and words are refused with the range', async ({
  browser,
  db,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'brand@demo.live');
  const page = await context.newPage();
  try {
    await page.goto('/dashboard/brands/lumen/settings');
    await pageReady(page);
    const form = page.getByRole('form', { name: 'Returns' });
    const days = form.getByLabel('Return window (days)');
    await days.fill('two weeks');
    await form.getByRole('button', { name: 'Save return window' }).click();
    await expect(form.getByText('Enter a whole number of days from 0 (no returns) to 365.')).toBeVisible();

    await days.fill('៣០');
    await form.getByRole('button', { name: 'Save return window' }).click();
    await expect(form.getByText('Return window saved.')).toBeVisible();
    await expect(page.getByTestId('returns-summary')).toHaveText('Buyers can ask for a return within 30 days of delivery.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await db.query(`UPDATE "Brand" SET "returnWindowDays" = 14 WHERE slug = 'lumen'`);
    await context.close();
  }
});
