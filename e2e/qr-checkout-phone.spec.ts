import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BakongKHQR } from 'bakong-khqr';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';
import { currentServer } from './support/current-server';

test('a bag paid with KHQR on a phone: the brand sets up KHQR, the buyer gets the banking app link and a code that decodes to the amount and merchant, the stand-in bank confirms, and the order shows PAID; a one-tap Buy with KHQR does the same in a sheet over the stream, and its expiry says so and gives the unit back', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'khqr');
  const bankUrl = readFileSync(currentServer().qrBankUrlFile, 'utf8').trim();
  try {
    await test.step('the brand owner switches KHQR on in its settings', async () => {
      const context = await browser.newContext();
      await signIn(context, 'brand@demo.live');
      const page = await context.newPage();
      await page.goto('/dashboard/brands/lumen/settings/payments/qr');
      const form = page.getByRole('form', { name: 'KHQR (Bakong)' });
      await form.getByLabel('Bakong account id (like shop@bank)').fill('lumen@aclb');
      await form.getByLabel('Merchant name').fill('Lumen');
      await form.getByLabel('Merchant city').fill('Phnom Penh');
      await form.getByLabel('Bakong Open API token').fill('bakong-token-for-tests');
      await form.getByLabel('Offer this to buyers').check();
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form.getByText('Saved.')).toBeVisible();
      await context.close();
    });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(context, 'viewer@demo.live');
    const page = await context.newPage();
    await page.goto(`/shows/${show.showId}`);
    const bag = page.getByRole('dialog');
    let payload = '';

    await test.step('the buyer pays the bag with KHQR and sees the banking app link and the time left', async () => {
      await page.getByRole('button', { name: 'Show options and details' }).click();
      await page.getByRole('button', { name: 'Add to bag' }).click();
      await expect(page.getByTestId('bag-count')).toHaveText('1');
      await page.getByRole('button', { name: /^Bag, / }).click();
      await bag.getByTestId('pay-by-qr').click();
      await expect(bag.getByTestId('qr-pay-sheet')).toBeVisible();
      await expect(bag.getByTestId('qr-deep-link')).toBeVisible();
      await expect(bag.getByTestId('qr-deep-link')).toHaveAttribute('href', /^https:\/\/bakong\.example\/dl\//);
      await expect(bag.getByRole('timer')).toHaveText(/^[0-9]:[0-5][0-9]$/);
      // On a phone the code itself is one tap away.
      await bag.getByText('Show the QR code').click();
      await expect(bag.getByTestId('qr-code').last()).toBeVisible();
      payload = (await bag.getByTestId('qr-code').last().getAttribute('data-qr-payload')) ?? '';
    });

    const {
      rows: [order],
    } = await db.query<{ id: string; status: string; totalMinor: number }>(
      `SELECT o.id, o.status, o."totalMinor" FROM "Order" o WHERE o."showId" = $1 AND o.source = 'BAG'`,
      [show.showId],
    );
    expect(order?.status).toBe('PLACED');

    await test.step('the code on the page decodes to the amount and the merchant', () => {
      const decoded = BakongKHQR.decode(payload).data;
      expect(decoded).toMatchObject({
        bakongAccountID: 'lumen@aclb',
        merchantName: 'Lumen',
        merchantCity: 'Phnom Penh',
        transactionCurrency: '840',
      });
      expect(Math.round(Number(decoded.transactionAmount) * 100)).toBe(order!.totalMinor);
    });

    await test.step('the stand-in bank confirms and the order becomes PAID on the page', async () => {
      const md5 = createHash('md5').update(payload).digest('hex');
      const paid = await fetch(`${bankUrl}/__test/khqr/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ md5, amount: order!.totalMinor / 100, currency: 'USD' }),
      });
      expect(paid.ok).toBe(true);
      await expect(bag.getByTestId('qr-paid')).toHaveText(/Paid! Order #\d+ is confirmed\./, { timeout: 60_000 });
      const { rows } = await db.query<{ status: string }>(`SELECT status FROM "Order" WHERE id = $1`, [order!.id]);
      expect(rows[0]?.status).toBe('PAID');
    });

    await test.step('a one-tap Buy with KHQR on the pinned card shows the code over the stream, and the bank turns it into PAID', async () => {
      await bag.getByRole('button', { name: 'Close' }).click();
      await expect(bag).toBeHidden();
      await page.getByTestId('pinned-product').getByRole('button', { name: 'Buy with KHQR' }).click();
      const sheet = page.getByRole('dialog', { name: /^Buy / });
      await expect(sheet.getByTestId('qr-deep-link')).toBeVisible();
      await expect(sheet.getByRole('timer')).toHaveText(/^[0-9]:[0-5][0-9]$/);
      await sheet.getByText('Show the QR code').click();
      await expect(sheet.getByTestId('qr-code').last()).toBeVisible();
      const tapPayload = (await sheet.getByTestId('qr-code').last().getAttribute('data-qr-payload')) ?? '';
      const {
        rows: [tap],
      } = await db.query<{ id: string; status: string; totalMinor: number }>(
        `SELECT id, status, "totalMinor" FROM "Order" WHERE "showId" = $1 AND source <> 'BAG'`,
        [show.showId],
      );
      expect(tap?.status).toBe('PLACED');
      const paid = await fetch(`${bankUrl}/__test/khqr/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ md5: createHash('md5').update(tapPayload).digest('hex'), amount: tap!.totalMinor / 100, currency: 'USD' }),
      });
      expect(paid.ok).toBe(true);
      await expect(sheet.getByTestId('qr-paid')).toHaveText(/Paid! Order #\d+ is confirmed\./, { timeout: 60_000 });
      const { rows } = await db.query<{ status: string }>(`SELECT status FROM "Order" WHERE id = $1`, [tap!.id]);
      expect(rows[0]?.status).toBe('PAID');
      // Closed, the card keeps the confirmed order where a card tap puts it.
      await sheet.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByTestId('pinned-product').getByRole('status')).toHaveText(/^Order #\d+ confirmed/);
    });

    await test.step('an unpaid one-tap code that expires says so in its sheet and the unit comes back on the card', async () => {
      const card = page.getByTestId('pinned-product');
      const stockBefore = await card.getByTestId('stock-left').textContent();
      await card.getByRole('button', { name: 'Buy with KHQR' }).click();
      // The same option again this soon asks first (a double tap is likelier than a wish for two orders).
      await card.getByRole('button', { name: 'Buy another' }).click();
      const sheet = page.getByRole('dialog', { name: /^Buy / });
      await expect(sheet.getByTestId('qr-deep-link')).toBeVisible();
      await expect(card.getByTestId('stock-left')).not.toHaveText(stockBefore ?? '');
      // Its time runs out now rather than in minutes: the job queue's next check (every second here) expires it.
      const expired = await db.query(
        `UPDATE "QrPayment" SET "expiresAt" = "createdAt"
         WHERE status = 'AWAITING_PAYMENT' AND "orderId" IN (SELECT id FROM "Order" WHERE "showId" = $1 AND source <> 'BAG')`,
        [show.showId],
      );
      expect(expired.rowCount).toBe(1);
      await expect(sheet.getByTestId('qr-expired')).toHaveText('This code expired and the item went back on sale. Nothing was charged.', {
        timeout: 30_000,
      });
      await expect(card.getByTestId('stock-left')).toHaveText(stockBefore ?? '');
    });
    await context.close();
  } finally {
    // The other browser tests pay the demo brand by card: its KHQR goes off again.
    await db.query(
      `UPDATE "BrandPaymentProvider" SET enabled = false WHERE kind = 'KHQR' AND "brandId" = (SELECT id FROM "Brand" WHERE slug = 'lumen')`,
    );
  }
});
