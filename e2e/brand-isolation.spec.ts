import { expect, signIn, test } from './support/fixtures';

// Brand B's member must learn nothing about brand A: every brand page and route
// answers as if A did not exist, while A's own member gets a real page.
test('a member of one brand cannot open another brand’s dashboard pages, exports or records', async ({ browser, db }) => {
  const { rows: products } = await db.query<{ id: string }>(
    `SELECT p.id FROM "Product" p JOIN "Brand" b ON b.id = p."brandId" WHERE b.slug = 'lumen' LIMIT 1`,
  );
  const { rows: shows } = await db.query<{ id: string }>(
    `SELECT s.id FROM "Show" s JOIN "Brand" b ON b.id = s."brandId" WHERE b.slug = 'lumen' LIMIT 1`,
  );
  const lumenPaths = [
    '/dashboard/brands/lumen',
    '/dashboard/brands/lumen/products',
    `/dashboard/brands/lumen/products/${products[0]!.id}`,
    '/dashboard/brands/lumen/products/import',
    '/dashboard/brands/lumen/products/export',
    '/dashboard/brands/lumen/shows',
    `/dashboard/brands/lumen/shows/${shows[0]!.id}`,
    '/dashboard/brands/lumen/team',
  ];

  const kora = await browser.newContext();
  await signIn(kora, 'brand2@demo.live');
  for (const path of lumenPaths) {
    const response = await kora.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('Dewy Glow Serum');
  }

  const lumen = await browser.newContext();
  await signIn(lumen, 'brand@demo.live');
  const own = await lumen.request.get('/dashboard/brands/lumen/products/export');
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('Dewy Glow Serum');

  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto('/dashboard/brands/lumen/products');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await Promise.all([kora.close(), lumen.close(), anonymous.close()]);
});
