import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';

/** Serious and critical WCAG A/AA violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test('the main pages have no serious or critical accessibility violations, on a phone and on a desktop', async ({ browser, db }) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Show" WHERE id = 'demo_show_glow_up'`);
  const showId = rows[0]!.id;
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await test.step(`${viewport.width}px wide`, async () => {
      const anonymous = await browser.newContext({ viewport });
      const host = await browser.newContext({ viewport });
      await signIn(host, 'host@demo.live');
      const page = await anonymous.newPage();
      for (const path of ['/', '/signin', `/shows/${showId}`]) {
        await page.goto(path);
        await pageReady(page);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      const studio = await host.newPage();
      await studio.goto(`/studio/${showId}`);
      await expect(studio.getByRole('heading', { name: 'Lineup' })).toBeVisible();
      expect(await seriousViolations(studio), 'studio').toEqual([]);
      await Promise.all([anonymous.close(), host.close()]);
    });
  }
});

test('the account, order, wallet, brand and host pages have no serious or critical accessibility violations, and neither has the show in Khmer', async ({
  browser,
}) => {
  const visits: [string, string[]][] = [
    ['viewer@demo.live', ['/account', '/account/orders', '/account/wallet', '/account/notifications']],
    [
      'brand@demo.live',
      [
        '/dashboard',
        '/dashboard/brands/lumen/products',
        '/dashboard/brands/lumen/shows',
        '/dashboard/brands/lumen/orders',
        '/dashboard/brands/lumen/coupons',
        '/dashboard/brands/lumen/settings',
        '/dashboard/brands/lumen/developers',
        '/dashboard/brands/lumen/team',
      ],
    ],
    ['host@demo.live', ['/dashboard/host', '/dashboard/host/statement']],
  ];
  for (const [email, paths] of visits) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(context, email);
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(path);
      await pageReady(page);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await context.close();
  }
  const khmer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await khmer.addCookies([{ name: 'locale', value: 'km', domain: 'localhost', path: '/' }]);
  const page = await khmer.newPage();
  for (const path of ['/', '/shows/demo_show_glow_up']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'km');
    expect(await seriousViolations(page), `km ${path}`).toEqual([]);
  }
  await khmer.close();
});
