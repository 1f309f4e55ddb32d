import { randomUUID } from 'node:crypto';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { formatPrice } from '../app/_lib/format';
import { expect, pageReady, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

// Debian's Chromium ships no CLDR data for Khmer, Lao or Mongolian: left to
// itself it writes "M12 8, Tue 7:00 PM" and "US$ 32.00" on a Khmer page. The
// page loads FormatJS's data for the language when the browser lacks it.

test('on a Khmer page the show’s start time and the pinned price read in Khmer, with no "M12" and no "US$"', async ({ browser, db }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Phnom_Penh',
  });
  await context.addCookies([{ name: LOCALE_COOKIE, value: 'km', domain: 'localhost', path: '/' }]);
  const page = await context.newPage();
  const native = await page.evaluate(() => Intl.DateTimeFormat.supportedLocalesOf(['km-KH']).length > 0);
  test.info().annotations.push({ type: 'browser km data', description: native ? 'present' : 'missing (polyfill path)' });

  await test.step('a scheduled show’s start, in the viewer’s zone and in Khmer', async () => {
    const showId = `e2e_fmt_${randomUUID().slice(0, 8)}`;
    // 8 December, 19:00 in Phnom Penh: the date the report saw as "M12 8, Tue 7:00 PM".
    await db.query(
      `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "hostInviteStatus")
       SELECT $1, b.id, u.id, 'Khmer night', '2027-12-08T12:00:00Z', 'SCHEDULED', 'ACCEPTED' FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
      [showId],
    );
    await page.goto(`/shows/${showId}`);
    await pageReady(page);
    const time = page.locator('time').first();
    // Node's ICU writes "ពុធ 8 ធ្នូ, 7:00 PM ម៉ោងសកល +7" (Wednesday 8 December).
    await expect(time).toContainText('ពុធ 8 ធ្នូ');
    await expect(time).not.toContainText(/M\d|Dec|Wed/);
  });

  await test.step('a pinned product’s price, as Khmer writes dollars', async () => {
    const show = await startOwnLiveShow(db, 'fmt');
    const {
      rows: [variant],
    } = await db.query<{ priceMinor: number; currency: string }>(`SELECT "priceMinor", currency FROM "ProductVariant" WHERE id = $1`, [
      show.variantId,
    ]);
    await page.goto(`/shows/${show.showId}`);
    const card = page.getByTestId('pinned-product');
    // Node has full ICU: what it writes for km-KH is what the page must show.
    await expect(card).toContainText(formatPrice(variant!.priceMinor, variant!.currency, 'km-KH'));
    await expect(card).not.toContainText('US$');
  });
  await context.close();
});
