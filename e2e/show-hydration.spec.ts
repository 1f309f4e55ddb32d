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

// The chat box is in the server's HTML, so a phone viewer can type before the page's code has run:
// the line must survive hydration and be sendable, not sit in the box behind a disabled Send.
test('a chat line typed before the show page hydrates is kept and sent', async ({ browser, db }) => {
  const { showId } = await startOwnLiveShow(db, 'early-chat');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/shows/${showId}`, { waitUntil: 'commit' });
  const input = page.getByRole('textbox', { name: 'Message', exact: true });
  await input.fill('typed before hydration');
  release();
  await expect(page.getByTestId('viewer-count')).toHaveText(/[1-9]/);
  await expect(input).toHaveValue('typed before hydration');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('chat-text').filter({ hasText: 'typed before hydration' })).toBeVisible();
  await context.close();
});

// The shopping zone and its parts load their code after the page's first load and hydrate the server's HTML in
// place. They were rendered afresh instead on every phone load (the channel's join updated them before their code
// arrived), replacing the box a viewer may be typing in and the buttons they may be tapping.
test('on a phone the show page keeps the chat box and reaction buttons the server sent, through hydration and the join', async ({
  browser,
  db,
}) => {
  const { showId } = await startOwnLiveShow(db, 'in-place');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'viewer@demo.live');
  // Marks the server's elements as the HTML is parsed, before any of the page's code runs.
  await context.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      for (const element of [document.getElementById('chat-input'), document.querySelector('[data-overlay="reactions"] button')])
        element?.setAttribute('data-from-server', '');
    }),
  );
  for (let load = 1; load <= 3; load++) {
    await test.step(`load ${load}`, async () => {
      const page = await context.newPage();
      await page.goto(`/shows/${showId}`);
      await expect(page.getByTestId('viewer-count')).toHaveText(/[1-9]/);
      // The zone's parts have their code and have hydrated (the reaction bar counts taps only once it runs).
      await expect(page.locator('#chat-input')).toBeEditable();
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
      await expect(page.locator('#chat-input')).toHaveAttribute('data-from-server');
      await expect(page.locator('[data-overlay="reactions"] button').first()).toHaveAttribute('data-from-server');
      await page.close();
    });
  }
  await context.close();
});
