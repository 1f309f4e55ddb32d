import { randomUUID } from 'node:crypto';
import { expect, pageReady, signIn, test } from './support/fixtures';

// A shipped order of the demo buyer at Lumen, written straight into the database: placing and
// shipping it are other specs' business, helping with it is this one's.
async function shippedOrder(db: import('pg').Client): Promise<{ id: string; number: number }> {
  const {
    rows: [variant],
  } = await db.query<{ id: string; title: string; priceMinor: number }>(
    `SELECT v.id, p.title, v."priceMinor" FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE v.sku = 'LUM-SERUM-30ML'`,
  );
  const id = `e2e_help_${randomUUID().slice(0, 8)}`;
  const {
    rows: [order],
  } = await db.query<{ number: number }>(
    `INSERT INTO "Order" (id, "buyerId", "brandId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paymentRef",
                          carrier, "trackingNumber", "paidAt", "packedAt", "shippedAt", "createdAt")
     SELECT $1, u.id, b.id, 'SHIPPED', $2, $2, 'USD', $1, $3, 'DHL', 'JD014600', now(), now(), now(), now()
       FROM "User" u, "Brand" b WHERE u.email = 'viewer@demo.live' AND b.slug = 'lumen'
     RETURNING number`,
    [id, variant!.priceMinor, `test_auth_${id}`],
  );
  await db.query(
    `INSERT INTO "OrderItem" (id, "orderId", "variantId", title, quantity, "unitPriceMinor", currency) VALUES ($1, $2, $3, $4, 1, $5, 'USD')`,
    [`${id}_item`, id, variant!.id, variant!.title, variant!.priceMinor],
  );
  return { id, number: order!.number };
}

test('on a phone a buyer asks "where is my order?" and gets its status and tracking, then writes to the brand, who answers from the support inbox; the buyer sees the reply', async ({
  browser,
  db,
}) => {
  const order = await shippedOrder(db);
  const question = `Can I pick it up myself? (${order.id})`;
  const answer = `Yes, at our shop on Street 240 (${order.id}).`;

  const buyer = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(buyer, 'viewer@demo.live');
  const mine = await buyer.newPage();

  await test.step('the help box answers "where is my order?" from the order: on its way, with carrier and tracking', async () => {
    await mine.goto(`/account/orders/${order.id}`);
    await pageReady(mine);
    const help = mine.getByRole('region', { name: 'Need help?' });
    await help.getByLabel('Your question').fill('where is my order?');
    await help.getByRole('button', { name: 'Ask', exact: true }).click();
    const reply = help.getByTestId('order-help-answer');
    await expect(reply).toContainText('Your order is on its way.');
    await expect(reply).toContainText('Carrier: DHL. Tracking number: JD014600.');
  });

  await test.step('asking to cancel a shipped order says why not and offers to write to the brand', async () => {
    const help = mine.getByRole('region', { name: 'Need help?' });
    await help.getByRole('button', { name: 'Cancel my order' }).click();
    const reply = help.getByTestId('order-help-answer');
    await expect(reply).toContainText('This order is already being packed or has shipped, so it can no longer be cancelled.');
    await expect(reply.getByLabel('Your message')).toBeVisible();
  });

  await test.step('anything else opens a conversation with the brand', async () => {
    const help = mine.getByRole('region', { name: 'Need help?' });
    await help.getByRole('button', { name: 'Something else' }).click();
    const reply = help.getByTestId('order-help-answer');
    await expect(reply).toContainText('That is a question for the brand.');
    await reply.getByLabel('Your message').fill(question);
    await reply.getByRole('button', { name: 'Send' }).click();
    await expect(mine.getByText('Sent. The answer appears here and in your email.')).toBeVisible();
    await expect(mine.getByRole('region', { name: 'Messages' }).getByTestId('support-thread')).toContainText(question);
  });

  const brand = await browser.newContext();
  await signIn(brand, 'brand@demo.live');
  const inbox = await brand.newPage();

  await test.step('the brand finds it unread in the support inbox and answers', async () => {
    await inbox.goto('/dashboard/brands/lumen/support?filter=unread');
    await pageReady(inbox);
    const row = inbox.getByRole('link', { name: new RegExp(`Can I pick it up myself\\? \\(${order.id}\\)`) });
    await expect(row).toContainText('Unread');
    await expect(row).toContainText(`Order #${order.number}`);
    await row.click();
    await expect(inbox.getByTestId('support-thread')).toContainText(question);
    await inbox.getByLabel('Your answer').fill(answer);
    await inbox.getByRole('button', { name: 'Send the answer' }).click();
    await expect(inbox.getByText('Sent. The buyer sees it on their order and gets it by email.')).toBeVisible();
    await expect(inbox.getByTestId('support-thread')).toContainText(answer);
  });

  await test.step('the reply is emailed to the buyer once', async () => {
    const { rows } = await db.query<{ payload: { to: string; text: string } }>(
      `SELECT payload FROM "Job" WHERE "dedupeKey" LIKE 'email:support-reply:%' AND payload->>'text' LIKE $1`,
      [`%${order.id}%`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload.to).toBe('viewer@demo.live');
  });

  await test.step('the buyer sees the reply on the order page', async () => {
    await mine.reload();
    await pageReady(mine);
    const thread = mine.getByRole('region', { name: 'Messages' }).getByTestId('support-thread');
    await expect(thread).toContainText(answer);
    await expect(thread).toContainText('Lumen Beauty team');
  });

  await brand.close();
  await buyer.close();
});
