import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

// Issue 16 item 4: countdowns read the server's clock (synced over the show socket), never the device's.
// This browser's clock is 7 minutes slow; a deal with 10 minutes left must still read about 10 minutes,
// not the 17 the device's own clock would give.
const DEVICE_SKEW_MS = -7 * 60_000;

test('a viewer whose device clock is 7 minutes slow sees the flash deal’s real time left', async ({ browser, db }) => {
  const show = await startOwnLiveShow(db, 'clock');
  await db.query(
    `INSERT INTO "FlashDeal" (id, "showId", "productId", "variantId", "priceMinor", "endsAt")
     SELECT $1, $2, $3, v.id, v."priceMinor" - 100, now() + interval '10 minutes' FROM "ProductVariant" v WHERE v.id = $4`,
    [`e2e_deal_${randomUUID().slice(0, 8)}`, show.showId, show.productId, show.variantId],
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Every Date in the page (now(), new Date()) is shifted; performance.now() is the browser's own and untouched.
  await context.addInitScript((skew) => {
    const RealDate = Date;
    class SkewedDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(RealDate.now() + skew);
        else super(...(args as ConstructorParameters<DateConstructor>));
      }
      static override now() {
        return RealDate.now() + skew;
      }
    }
    (window as unknown as { Date: DateConstructor }).Date = SkewedDate as DateConstructor;
  }, DEVICE_SKEW_MS);
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  expect(await page.evaluate(() => Date.now())).toBeLessThan(Date.now() - 6 * 60_000);

  const banner = page.getByTestId('deal-banner');
  await expect(banner).toContainText('Flash deal');
  const secondsLeft = async () => {
    const text = (await banner.locator('.tabular-nums').textContent()) ?? '';
    const [minutes, seconds] = text.split(':').map(Number);
    return minutes! * 60 + seconds!;
  };
  // By the server's clock: just under 10 minutes (the device's clock alone would say about 17).
  await expect.poll(secondsLeft, { timeout: 15_000 }).toBeLessThanOrEqual(600);
  expect(await secondsLeft()).toBeGreaterThan(540);
  await context.close();
});
