import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { expect, signIn, test } from './support/fixtures';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { MESSAGES } from '../app/_i18n/messages';
import { createTranslator } from '../app/_i18n/standalone';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A live show of this spec's own, not recorded, with Lumen's moisturiser (one variant: "50 ml") pinned. */
async function liveShowWithCream(db: pg.Client) {
  const showId = `e2e_assistant_km_${randomUUID().slice(0, 8)}`;
  const {
    rows: [cream],
  } = await db.query<{ id: string; productId: string; priceMinor: number }>(
    `SELECT v.id, v."productId", v."priceMinor" FROM "ProductVariant" v WHERE v.sku = 'LUM-CREAM-50ML'`,
  );
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "pinnedProductId", "recordingEnabled", "assistantEnabled")
     SELECT $1, b.id, u.id, $2, now(), 'LIVE', now(), 'ACCEPTED', $3, false, true FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, `Assistant night ${showId.slice(-4)}`, cream!.productId],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, cream!.productId]);
  return { showId, cream: cream! };
}

test('in Khmer on a phone: the viewer asks the assistant the price, gets the product card, says "យក ២", confirms, and the order exists', async ({
  browser,
  db,
}) => {
  const { showId, cream } = await liveShowWithCream(db);
  const km = createTranslator('km', MESSAGES.km);
  const context = await browser.newContext(PHONE);
  await context.addCookies([{ name: LOCALE_COOKIE, value: 'km', domain: 'localhost', path: '/' }]);
  await signIn(context, 'viewer2@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');

  await test.step('"@ហាង" in public chat: the assistant answers the whole show with the product card', async () => {
    // A line typed before the page has joined the show is refused or lost (a known bug fixed elsewhere): wait for
    // the input, and type the line again until the chat shows it.
    const input = page.getByRole('textbox', { name: km('chat.message'), exact: true });
    await expect(input).toBeEnabled();
    await expect(async () => {
      await input.fill('@ហាង តម្លៃប៉ុន្មាន?');
      await input.press('Enter');
      await expect(page.getByTestId('chat-messages')).toContainText('@ហាង តម្លៃប៉ុន្មាន?', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    const reply = page.getByTestId('assistant-public-reply');
    await expect(reply).toContainText(km('assistant.answer.price', { product: 'Cloud Cream Moisturiser' }));
    await expect(reply.getByTestId('assistant-product')).toContainText('50 ml');
  });

  const panel = page.getByRole('dialog', { name: km('assistant.panelTitle') });
  await test.step('the Ask panel: a price question in Khmer gets the answer with the product card', async () => {
    await page.getByRole('button', { name: km('assistant.askButtonLabel') }).click();
    await expect(panel).toBeVisible();
    await panel.getByRole('textbox', { name: km('assistant.inputLabel') }).fill('តម្លៃប៉ុន្មាន?');
    await panel.getByRole('button', { name: km('assistant.send'), exact: true }).click();
    const answer = panel.getByTestId('assistant-reply').last();
    await expect(answer).toContainText(km('assistant.answer.price', { product: 'Cloud Cream Moisturiser' }));
    await expect(answer.getByTestId('assistant-product')).toContainText('Cloud Cream Moisturiser');
  });

  await test.step('"យក ២" gets a confirmation card for two; one tap confirms it and the order is in the database', async () => {
    await panel.getByRole('textbox', { name: km('assistant.inputLabel') }).fill('យក ២');
    await panel.getByRole('button', { name: km('assistant.send'), exact: true }).click();
    const card = panel.getByRole('region', { name: km('assistant.card.heading') });
    await expect(card).toContainText(km('assistant.card.line', { quantity: 2, product: 'Cloud Cream Moisturiser', variant: '50 ml' }));
    await card.getByRole('button').click();
    await expect(card.getByRole('status')).toContainText('#');
    const { rows } = await db.query<{ quantity: number; unitPriceMinor: number; status: string }>(
      `SELECT i.quantity, i."unitPriceMinor", o.status FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
       JOIN "User" u ON u.id = o."buyerId" WHERE u.email = 'viewer2@demo.live' AND o."showId" = $1`,
      [showId],
    );
    expect(rows).toEqual([{ quantity: 2, unitPriceMinor: cream.priceMinor, status: 'PAID' }]);
  });
  await context.close();
});
