import type { Browser } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';

// React's production build reports a server/client mismatch as minified error #418 (or #423/#425):
// the browser's first render did not reproduce the server's HTML, and React threw that HTML away.
// Pages that format with Intl are the usual cause (Node's ICU and the browser's name things
// differently; Debian's Chromium has no Khmer data at all), so each page is loaded in English and Khmer.
const HYDRATION = /#418|#423|#425|[Hh]ydrat/;

const VIEWER_PAGES = ['/', '/live', '/search?q=serum', '/account', '/account/orders', '/account/wallet', '/account/notifications'];
const OWNER_PAGES = [
  '/dashboard',
  '/dashboard/brands/new',
  '/dashboard/brands/lumen/products',
  '/dashboard/brands/lumen/products/new',
  '/dashboard/brands/lumen/shows',
  '/dashboard/brands/lumen/shows/new',
  '/dashboard/brands/lumen/orders',
  '/dashboard/brands/lumen/analytics',
  '/dashboard/brands/lumen/campaigns',
  '/dashboard/brands/lumen/coupons',
  '/dashboard/brands/lumen/payments',
  '/dashboard/brands/lumen/team',
  '/dashboard/brands/lumen/settings',
  '/dashboard/brands/lumen/support',
  '/dashboard/brands/lumen/reviews',
  '/dashboard/brands/lumen/developers',
  '/brands/lumen',
];

async function hydrationErrors(browser: Browser, email: string, locale: 'en' | 'km', paths: string[]): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.addCookies([{ name: 'locale', value: locale, domain: 'localhost', path: '/' }]);
  await signIn(context, email);
  const page = await context.newPage();
  const found: string[] = [];
  let current = '';
  const keep = (text: string) => HYDRATION.test(text) && found.push(`${current} (${locale}): ${text}`);
  page.on('console', (message) => message.type() === 'error' && keep(message.text()));
  page.on('pageerror', (error) => keep(error.message));
  for (const path of paths) {
    current = path;
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Hydrated: React has attached itself to the main landmark.
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__react'))))
      .toBe(true);
    // Parts below a Suspense boundary hydrate a moment later: one idle period covers them.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  }
  await context.close();
  return found;
}

for (const locale of ['en', 'km'] as const) {
  test(`the buyer's and the brand owner's pages hydrate without a server/client mismatch, in ${locale === 'en' ? 'English' : 'Khmer'}`, async ({
    browser,
  }) => {
    const errors = [
      ...(await hydrationErrors(browser, 'viewer@demo.live', locale, VIEWER_PAGES)),
      ...(await hydrationErrors(browser, 'brand@demo.live', locale, OWNER_PAGES)),
    ];
    expect(errors).toEqual([]);
  });
}
