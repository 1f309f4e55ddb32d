import { randomUUID } from 'node:crypto';
import { expect, pageReady, signIn, test } from './support/fixtures';

// A paid two-product order of the demo buyer at Lumen, written straight into
// the database: placing it is other specs' business, refunding it is this one's.
async function paidOrder(db: import('pg').Client): Promise<{ id: string; number: number; titles: string[]; totalMinor: number }> {
  const { rows: variants } = await db.query<{ id: string; title: string; priceMinor: number }>(
    `SELECT v.id, p.title, v."priceMinor" FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
      WHERE v.sku IN ('LUM-SERUM-30ML', 'LUM-CREAM-50ML') ORDER BY v.sku DESC`,
  );
  expect(variants).toHaveLength(2);
  const total = variants.reduce((n, v) => n + v.priceMinor, 0);
  const id = `e2e_refund_${randomUUID().slice(0, 8)}`;
  const {
    rows: [order],
  } = await db.query<{ number: number }>(
    `INSERT INTO "Order" (id, "buyerId", "brandId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paymentRef", "paidAt", "createdAt")
     SELECT $1, u.id, b.id, 'PAID', $2, $2, 'USD', $1, $3, now(), now() FROM "User" u, "Brand" b WHERE u.email = 'viewer@demo.live' AND b.slug = 'lumen'
     RETURNING number`,
    [id, total, `test_auth_${id}`],
  );
  for (const v of variants) {
    await db.query(
      `INSERT INTO "OrderItem" (id, "orderId", "variantId", title, quantity, "unitPriceMinor", currency) VALUES ($1, $2, $3, $4, 1, $5, 'USD')`,
      [`${id}_${v.id}`, id, v.id, v.title, v.priceMinor],
    );
  }
  await db.query(`INSERT INTO "OrderEvent" (id, "orderId", status, note) VALUES ($1, $2, 'PAID', '')`, [`${id}_paid`, id]);
  return { id, number: order!.number, titles: variants.map((v) => v.title), totalMinor: total };
}

test('the brand refunds part of an order through a confirm step; the buyer sees "Partially refunded", the amount and the reason, in their own time zone', async ({
  browser,
  db,
}) => {
  const order = await paidOrder(db);
  const brand = await browser.newContext();
  await signIn(brand, 'brand@demo.live');
  const page = await brand.newPage();

  await test.step('the refund waits for a confirm dialog that sums it up', async () => {
    await page.goto(`/dashboard/brands/lumen/orders/${order.number}`);
    await pageReady(page);
    await page.getByLabel('Amount to refund (USD)').fill('12.50');
    await page.getByLabel('Reason (optional)').first().fill('Scratched box');
    await page.getByRole('button', { name: 'Review refund' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund order #${order.number}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('12.50 USD');
    await expect(dialog).toContainText('Scratched box');
    await expect(dialog).toContainText('Items back in stockNo');
    const { rows: before } = await db.query(`SELECT 1 FROM "OrderEvent" WHERE "orderId" = $1 AND "refundMinor" > 0`, [order.id]);
    expect(before).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Refund now' }).click();
    await expect(page.getByText('Refund sent. The buyer gets the money back on their card.')).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  await test.step('one refund email is queued for the buyer', async () => {
    const { rows } = await db.query<{ payload: { to: string; text: string } }>(
      `SELECT j.payload FROM "Job" j WHERE j."dedupeKey" LIKE 'email:order-refund:%' AND j.payload->>'to' = 'viewer@demo.live' AND j.payload->>'text' LIKE $1`,
      [`%order #${order.number} %`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload.text).toContain('Reason: Scratched box');
  });

  const buyer = await browser.newContext({
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await signIn(buyer, 'viewer@demo.live');
  const mine = await buyer.newPage();

  await test.step('the buyer’s order page says "Partially refunded", "Refunded $12.50 — Scratched box", and what cancelling still pays back', async () => {
    await mine.goto(`/account/orders/${order.id}`);
    await pageReady(mine);
    await expect(mine.getByTestId('order-status')).toHaveText('Partially refunded');
    const events = mine.getByTestId('order-events');
    await expect(events).toContainText(/Refunded (US)?\$12\.50 — Scratched box/);
    await expect(events.getByText(/— Paid$/)).toHaveCount(1);
    const left = ((order.totalMinor - 1250) / 100).toFixed(2);
    await expect(
      mine.getByText(new RegExp(`You get back the (US)?\\$${left.replace('.', '\\.')} that has not been refunded yet`)),
    ).toBeVisible();
    // The viewer's zone, named: Bangkok is GMT+7, whatever the server's clock.
    await expect(events.locator('time').first()).toContainText('GMT+7');
  });

  await test.step('the buyer’s list names both products and shows the same label', async () => {
    await mine.goto('/account/orders');
    await pageReady(mine);
    const card = mine.getByRole('link', { name: new RegExp(`Order #${order.number}\\b`) });
    await expect(card).toContainText(`${order.titles[0]}, ${order.titles[1]}`);
    await expect(card).toContainText('Partially refunded');
    await expect(card.locator('time')).toContainText('GMT+7');
  });

  await brand.close();
  await buyer.close();
});
