import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { seedEndedShow } from './support/report-show';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('on a phone the brand opens a just-ended show’s report from its shows list and reads its figures, charts, funnel and CSV', async ({
  browser,
  db,
}) => {
  const show = await seedEndedShow(db, 'phone');
  const gmv = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format((show.priceMinor * 3) / 100);
  const brand = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(brand, 'brand@demo.live');
  const page = await brand.newPage();

  await test.step('the shows list links the ended show to its report', async () => {
    await page.goto('/dashboard/brands/lumen/shows');
    await pageReady(page);
    const row = page.getByRole('listitem').filter({ hasText: show.title });
    await row.getByRole('link', { name: 'Report', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${show.showId}$`));
    await pageReady(page);
  });

  await test.step('the figures: five at once, six people, three orders and their sales', async () => {
    await expect(page.getByTestId('report-peak')).toHaveText('5');
    await expect(page.getByTestId('report-unique')).toHaveText('6');
    await expect(page.getByTestId('report-orders')).toHaveText('3');
    await expect(page.getByTestId('report-gmv')).toHaveText(gmv);
    await expect(page.getByTestId('report-reactions')).toHaveText('35');
    await expect(page.getByTestId('report-chat')).toHaveText('3');
  });

  await test.step('each chart is drawn, and says the same in words and in a table', async () => {
    await expect(page.getByTestId('chart-viewers-canvas').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('chart-viewers-summary')).toHaveText('Up to 5 people watched at once, most at minute 10.');
    await page.getByTestId('chart-viewers').getByText('Show as a table').click();
    await expect(page.getByRole('region', { name: 'Viewers over time' }).getByRole('row')).toHaveCount(29);
    await expect(page.getByTestId('report-moments').getByRole('listitem')).toHaveCount(3);
    // The page is no wider than the phone: the wide tables scroll inside their own regions.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  await test.step('the funnel: the cream pinned 11 minutes; four opened it, one bagged it, one person bought three', async () => {
    // Interested: the four who opened the card, the one who bagged it and the buyer: one in six bought.
    const cream = page.getByTestId('funnel-row').first();
    await expect(cream.getByRole('cell')).toHaveText(['11 min 0 s', '6', '1', '1', '3', '17%']);
  });

  await test.step('the report and the brand analytics have no serious accessibility violations', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/dashboard/brands/lumen/analytics');
    await pageReady(page);
    await expect(page.getByTestId('brand-analytics').getByRole('link', { name: show.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('the CSV holds the same figures', async () => {
    const csv = await (await brand.request.get(`/reports/${show.showId}/csv`)).text();
    expect(csv).toContain('summary,unique_viewers,6\r\n');
    expect(csv).toContain('summary,peak_viewers,5\r\n');
    expect(csv).toContain(`summary,gmv_minor,${show.priceMinor * 3}\r\n`);
    // Nobody else gets it: not signed in 401, a buyer who is neither on the team nor the host 404.
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(`/reports/${show.showId}/csv`)).status()).toBe(401);
    await anonymous.close();
    const buyer = await browser.newContext();
    await signIn(buyer, 'viewer@demo.live');
    expect((await buyer.request.get(`/reports/${show.showId}/csv`)).status()).toBe(404);
    await buyer.close();
  });
  await brand.close();
});
