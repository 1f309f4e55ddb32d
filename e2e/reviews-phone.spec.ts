import { randomUUID } from 'node:crypto';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { createShopper, startOwnLiveShow } from './support/own-show';

// A delivered order of a new shopper, written straight into the database: placing and delivering it
// are other specs' business; reviewing what arrived is this one's.
async function deliveredOrder(db: import('pg').Client, email: string, variantId: string): Promise<string> {
  const id = `e2e_review_${randomUUID().slice(0, 8)}`;
  const {
    rows: [variant],
  } = await db.query<{ title: string; priceMinor: number }>(
    `SELECT p.title, v."priceMinor" FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE v.id = $1`,
    [variantId],
  );
  await db.query(
    `INSERT INTO "Order" (id, "buyerId", "brandId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paymentRef",
                          "paidAt", "packedAt", "shippedAt", "deliveredAt", "createdAt")
     SELECT $1, u.id, b.id, 'DELIVERED', $2, $2, 'USD', $1, $3, now(), now(), now(), now(), now()
       FROM "User" u, "Brand" b WHERE u.email = $4 AND b.slug = 'lumen'`,
    [id, variant!.priceMinor, `test_auth_${id}`, email],
  );
  await db.query(
    `INSERT INTO "OrderItem" (id, "orderId", "variantId", title, quantity, "unitPriceMinor", currency) VALUES ($1, $2, $3, $4, 1, $5, 'USD')`,
    [`${id}_item`, id, variantId, variant!.title, variant!.priceMinor],
  );
  return id;
}

test('on a phone a delivered buyer rates the product from the order page; the review shows on the product page, the brand replies from its dashboard, and the rating shows on the card in a live show', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'reviews');
  const email = await createShopper(db, 'reviewer');
  await db.query(`UPDATE "User" SET name = 'Rita Reviewer' WHERE email = $1`, [email]);
  const orderId = await deliveredOrder(db, email, show.variantId);
  const {
    rows: [product],
  } = await db.query<{ title: string }>(`SELECT title FROM "Product" WHERE id = $1`, [show.productId]);
  const text = `Soft on dry skin, lasts all day (${orderId}).`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(phone, email);
  const page = await phone.newPage();

  await test.step('the delivered order invites a review, which leads to the product page form', async () => {
    await page.goto(`/account/orders/${orderId}`);
    await pageReady(page);
    await page
      .getByRole('region', { name: 'How was it?' })
      .getByRole('link', { name: `Rate ${product!.title}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/products/${show.productId}#write-review$`));
    await pageReady(page);
  });

  await test.step('four stars and a few words publish the review on the product page', async () => {
    const form = page.getByRole('form', { name: 'Rate this product' });
    await form.getByRole('radio', { name: '4 stars' }).check();
    await form.getByLabel('Your review (optional)').fill(text);
    await form.getByRole('button', { name: 'Publish review' }).click();
    await expect(page.getByText('Thank you! Your review is saved.')).toBeVisible();
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expect(reviews.getByTestId('review').filter({ hasText: text })).toContainText('Rita R.');
    await expect(reviews.getByTestId('rating-summary')).toBeVisible();
    const saved = await db.query<{ rating: number; status: string }>(
      `SELECT r.rating, r.status FROM "ProductReview" r JOIN "User" u ON u.id = r."authorId" WHERE u.email = $1`,
      [email],
    );
    expect(saved.rows).toEqual([{ rating: 4, status: 'PUBLISHED' }]);
  });

  await test.step('search engines read the rating from the product page', async () => {
    await page.reload();
    await pageReady(page);
    const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(ld.some((json) => json.includes('"aggregateRating"') && json.includes(text))).toBe(true);
  });

  await test.step('the brand finds the review in its dashboard and replies once, publicly', async () => {
    const brand = await browser.newContext();
    await signIn(brand, 'brand@demo.live');
    const dashboard = await brand.newPage();
    await dashboard.goto('/dashboard/brands/lumen/reviews?filter=all');
    await pageReady(dashboard);
    const row = dashboard.getByTestId('moderation-review').filter({ hasText: text });
    await expect(row).toContainText('Shown');
    await row.getByLabel('Public reply').fill('Thank you, Rita!');
    await row.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(row).toContainText('Your reply: Thank you, Rita!');
    await brand.close();
    await page.reload();
    await expect(page.getByTestId('review').filter({ hasText: text })).toContainText('Thank you, Rita!');
  });

  await test.step('in the live show the card carries the rating, and a tap opens the reviews beside the stream', async () => {
    await page.goto(`/shows/${show.showId}`);
    const rating = page.getByTestId('pinned-product').getByTestId('card-rating');
    await expect(rating).toHaveAccessibleName(/out of 5 stars, \d+ reviews?\. See the reviews/);
    await expect(rating).toHaveText(/^★ \d(\.\d)? \(\d+\)$/);
    const [reviewsTab] = await Promise.all([phone.waitForEvent('page'), rating.click()]);
    await expect(reviewsTab).toHaveURL(new RegExp(`/products/${show.productId}#reviews$`));
    await expect(reviewsTab.getByTestId('review').filter({ hasText: text })).toBeVisible();
  });

  await phone.close();
});
