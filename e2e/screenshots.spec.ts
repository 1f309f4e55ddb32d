import { expect, pageReady, signIn, test } from './support/fixtures';
import { DEMO_SHOW_ID } from './support/shows';
import { screenshotPath } from './support/screenshots';
import { seedEndedShow } from './support/report-show';

// Screenshots of the main pages on a phone and a desktop. `npm run screenshots` sets
// UPDATE_SCREENSHOTS=1 and writes them into docs/screenshots (shown in the README);
// under `npm test` the pages are still rendered and checked, but the pictures go to
// test-results/ so a test run leaves the tree as it found it. The spec sets up what
// it shows itself: the host takes the demo show live and pins, the viewer buys.
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

test('screenshots of the home, sign-in, viewer (also in Khmer), studio, dashboard, orders, wallet, mailbox and profile pages', async ({
  browser,
  db,
}) => {
  // About twenty pages and two live streams in one test: more than the default time on a busy machine.
  test.setTimeout(480_000);
  const shot = screenshotPath;
  const showId = DEMO_SHOW_ID;
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const viewer = await browser.newContext({ viewport, isMobile: name === 'phone', hasTouch: name === 'phone' });
    const host = await browser.newContext({ viewport: VIEWPORTS.desktop });
    await Promise.all([signIn(viewer, 'viewer@demo.live'), signIn(host, 'host@demo.live')]);
    const studio = await host.newPage();
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByRole('heading', { name: 'Lineup' })).toBeVisible();
    // The studio learns the show's state over its socket: wait for it before deciding.
    await expect(studio.getByTestId('studio-status')).toHaveText(/^(Off air|Live)$/);
    if ((await studio.getByTestId('studio-status').textContent()) === 'Off air') {
      await studio.getByRole('button', { name: 'Go live' }).click();
      await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    }
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
    // The database, not the studio's first paint, says whether something is pinned.
    const pinned = (await db.query<{ pinnedProductId: string | null }>(`SELECT "pinnedProductId" FROM "Show" WHERE id = $1`, [showId]))
      .rows[0]?.pinnedProductId;
    if (!pinned) await studio.getByRole('button', { name: /^Pin Dewy Glow Serum$/ }).click();
    await expect(studio.getByRole('button', { name: /^Unpin / })).toBeVisible();
    const page = await viewer.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Live now' })).toBeVisible();
    await page.screenshot({ path: shot(`home-${name}.png`) });
    await page.goto(`/shows/${showId}`);
    await expect(page.getByRole('log', { name: 'Chat messages' })).toBeVisible();
    await expect.poll(() => page.getByTestId('live-video').evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: shot(`viewer-${name}.png`) });
    if (name === 'desktop') {
      // A purchase of its own, so the studio, orders and wallet pictures have one to show.
      await page.getByRole('button', { name: /^Buy now/ }).click();
      await expect(page.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toBeVisible();
    }
    if (name === 'phone') {
      // The same show in Khmer, while the host is still sending video.
      await viewer.addCookies([{ name: 'locale', value: 'km', domain: 'localhost', path: '/' }]);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'km');
      await expect.poll(() => page.getByTestId('live-video').evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
      await page.screenshot({ path: shot('viewer-phone-km.png') });
    }
    if (name === 'desktop') await studio.screenshot({ path: shot('studio-desktop.png') });
    await Promise.all([viewer.close(), host.close()]);
  }
  await test.step('the business side', async () => {
    const brand = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const host = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    await Promise.all([signIn(brand, 'brand@demo.live'), signIn(host, 'host@demo.live')]);
    const page = await brand.newPage();
    const pages: [string, string, string][] = [
      ['/dashboard/brands/lumen/products', 'Products', 'brand-products-desktop'],
      ['/dashboard/brands/lumen/products/demo_product_serum', 'Variants', 'brand-product-desktop'],
      ['/dashboard/brands/lumen/shows/new', 'Lineup', 'brand-schedule-desktop'],
      ['/dashboard/brands/lumen/orders', 'Orders', 'brand-orders-desktop'],
      ['/mailbox', 'Local mailbox', 'mailbox-desktop'],
    ];
    for (const [url, text, file] of pages) {
      await page.goto(url);
      await expect(page.getByText(text).first()).toBeVisible();
      await page.screenshot({ path: shot(`${file}.png`), fullPage: true });
    }
    const phone = await host.newPage();
    for (const [url, file] of [
      ['/dashboard/host', 'host-dashboard-phone'],
      ['/dashboard/host/statement', 'host-statement-phone'],
      ['/hosts/mia', 'host-profile-phone'],
      ['/search?q=glow', 'search-phone'],
    ] as const) {
      await phone.goto(url);
      await pageReady(phone);
      await phone.screenshot({ path: shot(`${file}.png`) });
    }
    await Promise.all([brand.close(), host.close()]);
  });
  await test.step('the post-show report (phone) and the brand analytics across shows (desktop)', async () => {
    const ended = await seedEndedShow(db, 'shots');
    const phoneBrand = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    const desktopBrand = await browser.newContext({ viewport: VIEWPORTS.desktop });
    await Promise.all([signIn(phoneBrand, 'brand@demo.live'), signIn(desktopBrand, 'brand@demo.live')]);
    const report = await phoneBrand.newPage();
    await report.goto(`/reports/${ended.showId}`);
    await pageReady(report);
    await expect(report.getByTestId('chart-viewers-canvas').locator('canvas')).toBeVisible();
    await report.screenshot({ path: shot('show-report-phone.png'), fullPage: true });
    const analytics = await desktopBrand.newPage();
    await analytics.goto('/dashboard/brands/lumen/analytics');
    await expect(analytics.getByTestId('brand-analytics')).toContainText(ended.title);
    await expect(analytics.locator('canvas').first()).toBeVisible();
    await analytics.screenshot({ path: shot('brand-analytics-desktop.png'), fullPage: true });
    await Promise.all([phoneBrand.close(), desktopBrand.close()]);
  });
  await test.step('the buyer side', async () => {
    const buyer = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    await signIn(buyer, 'viewer@demo.live');
    const phone = await buyer.newPage();
    for (const [url, file] of [
      ['/account/orders', 'orders-phone'],
      ['/account/wallet', 'wallet-phone'],
    ] as const) {
      await phone.goto(url);
      await pageReady(phone);
      await phone.screenshot({ path: shot(`${file}.png`), fullPage: true });
    }
    await buyer.close();
  });
  const anonymous = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true });
  const signin = await anonymous.newPage();
  await signin.goto('/signin');
  await signin.screenshot({ path: shot('signin-phone.png') });
  await anonymous.close();
});
