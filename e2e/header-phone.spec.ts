import type { Locale } from '../app/_i18n/locales';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { expect, signIn, test } from './support/fixtures';

// The header is on every page: on a 390 px phone, a brand member's (app name, Dashboard, Account and the
// language menu) must fit without the page scrolling sideways, in every language.
test('on a 390 px phone the header of a brand member fits the screen in all four languages, on the dashboard and the home page', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'brand@demo.live');
  const page = await context.newPage();
  for (const locale of ['en', 'km', 'lo', 'mn'] as const satisfies readonly Locale[]) {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, domain: 'localhost', path: '/' }]);
    for (const path of ['/dashboard/brands/lumen/payments', '/']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} in ${locale} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await context.close();
});
