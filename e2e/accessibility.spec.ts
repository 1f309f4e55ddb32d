import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';

/** Serious and critical WCAG A/AA violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('the main pages have no serious or critical accessibility violations, on a phone and on a desktop', async ({ browser, db }) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Show" WHERE id = 'demo_show_glow_up'`);
  const showId = rows[0]!.id;
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await test.step(`${viewport.width}px wide`, async () => {
      const anonymous = await browser.newContext({ viewport });
      const host = await browser.newContext({ viewport });
      await signIn(host, 'host@demo.live');
      const page = await anonymous.newPage();
      for (const path of ['/', '/signin', `/shows/${showId}`]) {
        await page.goto(path);
        await expect(page.locator('main')).toBeVisible();
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
