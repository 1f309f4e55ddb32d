import type { Browser } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';
import { scheduleShowLikeDemo } from './support/shows';

/**
 * The page's console errors while it loads and hydrates. React's production
 * build reports a server/client mismatch as minified error #418 (or #423/#425
 * for the text and the recovery): any of them means the server rendered
 * something the browser's first render does not reproduce.
 */
async function consoleErrorsOn(browser: Browser, path: string, locale: 'en' | 'km', email: string | null): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.addCookies([{ name: 'locale', value: locale, domain: 'localhost', path: '/' }]);
  if (email) await signIn(context, email);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // Hydrated and joined: the show channel answered (it connects only after hydration) and counted this viewer.
  await expect(page.getByTestId('viewer-count')).toHaveText(/[1-9]/);
  await context.close();
  return errors;
}

const HYDRATION = /#418|#423|#425|[Hh]ydrat/;

test('the live and the upcoming show page hydrate without a mismatch for a guest and a signed-in viewer, in English and in Khmer', async ({
  browser,
  db,
}) => {
  const live = await startOwnLiveShow(db, 'hydration');
  // An upcoming show renders its countdown and start time on the server and again in the browser.
  const upcoming = await scheduleShowLikeDemo(db, 'hydration');
  for (const showId of [live.showId, upcoming.showId]) {
    for (const locale of ['en', 'km'] as const) {
      for (const email of [null, 'viewer@demo.live']) {
        await test.step(`${showId === live.showId ? 'live' : 'upcoming'}, ${locale}, ${email ?? 'guest'}`, async () => {
          const errors = await consoleErrorsOn(browser, `/shows/${showId}`, locale, email);
          expect(errors.filter((e) => HYDRATION.test(e))).toEqual([]);
        });
      }
    }
  }
});
