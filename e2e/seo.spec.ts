import { expect, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

// Issue 20 item 5: what search engines and link previews get. Read as a crawler reads it: the HTML as
// served, before any script runs.
const meta = (html: string, attr: 'property' | 'name', key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1] ?? null;
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

test('robots.txt keeps crawlers out of private areas and the sitemap lists public shows and products with their four languages, never an unlisted show', async ({
  request,
  db,
  baseURL,
}) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /studio');
  expect(robots).toContain('Disallow: /account');
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);

  const open = await startOwnLiveShow(db, 'seo-public');
  const unlisted = await startOwnLiveShow(db, 'seo-unlisted');
  await db.query(`UPDATE "Show" SET visibility = 'UNLISTED' WHERE id = $1`, [unlisted.showId]);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${baseURL}/shows/${open.showId}</loc>`);
  expect(sitemap).toContain(`<loc>${baseURL}/products/${open.productId}</loc>`);
  expect(sitemap).toContain(`hreflang="km" href="${baseURL}/shows/${open.showId}?hl=km"`);
  expect(sitemap).not.toContain(unlisted.showId);
});

test('a public live show gives link previews its cover, title and canonical address, hreflang for four languages and a live BroadcastEvent; ?hl=km serves it in Khmer; an unlisted one asks not to be indexed', async ({
  request,
  db,
  baseURL,
}) => {
  const { showId, title } = await startOwnLiveShow(db, 'seo-show');
  const html = await (await request.get(`/shows/${showId}`)).text();
  expect(meta(html, 'property', 'og:title')).toBe(title);
  expect(meta(html, 'property', 'og:image')).toMatch(new RegExp(`^${baseURL}/`));
  expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
  expect(html).toContain(`<link rel="canonical" href="${baseURL}/shows/${showId}"`);
  for (const lang of ['en', 'km', 'lo', 'mn']) expect(html).toContain(`hrefLang="${lang}" href="${baseURL}/shows/${showId}?hl=${lang}"`);
  expect(jsonLd(html)).toContainEqual(expect.objectContaining({ '@type': 'BroadcastEvent', isLiveBroadcast: true, name: title }));
  expect(meta(html, 'name', 'robots')).toBeNull();

  const khmer = await (await request.get(`/shows/${showId}?hl=km`)).text();
  expect(khmer).toMatch(/<html[^>]* lang="km"/);

  await db.query(`UPDATE "Show" SET visibility = 'UNLISTED' WHERE id = $1`, [showId]);
  const unlisted = await (await request.get(`/shows/${showId}`)).text();
  expect(meta(unlisted, 'name', 'robots')).toBe('noindex, nofollow');
  expect(jsonLd(unlisted)).toEqual([]);
});

test('a product found by search opens its own page on a phone: options with prices and stock, the live show selling it, and a Product with offers for search engines', async ({
  page,
  db,
}) => {
  const { showId, productId, title: showTitle } = await startOwnLiveShow(db, 'seo-product');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search?q=cloud%20cream');
  await page
    .getByRole('link', { name: /Cloud Cream/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/products/${productId}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Cloud Cream/ })).toBeVisible();
  await expect(page.getByTestId('product-option').first()).toContainText('$');
  await expect(page.locator(`a[href="/shows/${showId}"]`).filter({ hasText: showTitle })).toBeVisible();
  const product = jsonLd(await page.content()).find((ld) => ld['@type'] === 'Product');
  expect(product).toMatchObject({ name: expect.stringMatching(/Cloud Cream/), brand: { name: 'Lumen Beauty' } });
  expect(product?.offers).toContainEqual(expect.objectContaining({ priceCurrency: 'USD', availability: 'https://schema.org/InStock' }));
});
