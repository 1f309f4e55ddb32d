import { randomUUID } from 'node:crypto';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { expect, pageReady, signIn, test } from './support/fixtures';

test('a brand writes a product’s Khmer title in the editor; a buyer reading Khmer finds it by that title, sees it on the brand page and on the card the host pins in a live show', async ({
  browser,
  db,
}) => {
  const productId = `e2e_langs_${randomUUID().slice(0, 8)}`;
  const title = `Glow serum ${productId}`;
  const khmer = `សេរ៉ូមភ្លឺ ${productId}`;
  await db.query(
    `INSERT INTO "Product" (id, "brandId", title, description, status) SELECT $1, b.id, $2, 'Light and quick.', 'ACTIVE' FROM "Brand" b WHERE b.slug = 'lumen'`,
    [productId, title],
  );
  await db.query(
    `INSERT INTO "ProductVariant" (id, "productId", sku, name, "priceMinor", currency, stock) VALUES ($1, $2, $3, '30 ml', 2400, 'USD', 5)`,
    [`${productId}_v`, productId, `E2E-${productId}`],
  );

  const brand = await browser.newContext();
  await signIn(brand, 'brand@demo.live');
  const editor = await brand.newPage();
  await test.step('the editor saves the Khmer words', async () => {
    await editor.goto(`/dashboard/brands/lumen/products/${productId}`);
    await pageReady(editor);
    const region = editor.getByRole('region', { name: 'Other languages' });
    await region.getByText('ខ្មែរ', { exact: true }).click();
    await region.locator('#translation-km-title').fill(khmer);
    await region.getByRole('button', { name: 'Save ខ្មែរ' }).click();
    await expect(region.getByText('Saved. Buyers reading ខ្មែរ see these words.')).toBeVisible();
  });

  const buyer = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await buyer.addCookies([{ name: LOCALE_COOKIE, value: 'km', domain: 'localhost', path: '/' }]);
  const page = await buyer.newPage();
  await test.step('search by the Khmer title finds it, in Khmer', async () => {
    await page.goto(`/search?q=${encodeURIComponent(khmer)}`);
    await pageReady(page);
    await expect(page.getByRole('link', { name: khmer })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  });
  await test.step('the brand page shows the Khmer title', async () => {
    await page.goto('/brands/lumen');
    await pageReady(page);
    await expect(page.getByText(khmer, { exact: true })).toBeVisible();
  });
  await test.step('in a live show, a product the host pins after the Khmer viewer joined shows its Khmer title', async () => {
    const showId = `e2e_langs_show_${randomUUID().slice(0, 8)}`;
    await db.query(
      `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "recordingEnabled")
       SELECT $1, b.id, u.id, 'Khmer pin night', now(), 'LIVE', now(), 'ACCEPTED', false FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
      [showId],
    );
    await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, productId]);
    const host = await browser.newContext();
    await signIn(host, 'host@demo.live');
    const studio = await host.newPage();
    await studio.goto(`/studio/${showId}`);
    await page.goto(`/shows/${showId}`);
    await expect(page.getByTestId('viewer-count')).toHaveText(/[1-9]/);
    await studio.getByRole('button', { name: `Pin ${title}` }).click();
    await expect(page.getByTestId('pinned-product').getByRole('heading', { name: khmer })).toBeVisible();
    await host.close();
  });
  await brand.close();
  await buyer.close();
});
