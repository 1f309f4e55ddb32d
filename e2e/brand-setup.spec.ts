import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createShopper } from './support/own-show';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { solidPng } from './support/images';
import { scheduleShowLikeDemo } from './support/shows';

// A new brand setting up: its web address, its first product with an image
// and a price typed with a comma, and its show's cover, as a person meets them.

const decoded = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

/** Serious and critical WCAG A/AA violations of the new form parts. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function typedInputValues(page: Page): Promise<string[]> {
  return page
    .locator('input:not([type=hidden]):not([type=file])')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

test('a new brand’s web address follows its name, is previewed as a full URL, says when it is taken, and a taken one creates nothing', async ({
  browser,
  db,
  baseURL,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const context = await browser.newContext();
  await signIn(context, await createShopper(db, 'founder'));
  const page = await context.newPage();
  await page.goto('/dashboard/brands/new');
  await pageReady(page);
  const address = page.getByLabel('Web address');
  const preview = page.getByTestId('brand-address-preview');
  const host = new URL(baseURL!).host;

  await test.step('typing the name fills the address: accents gone, lowercase, hyphens', async () => {
    await page.getByLabel('Brand name').pressSequentially(`Crème Glow Lab ${suffix}`);
    await expect(address).toHaveValue(`creme-glow-lab-${suffix}`);
    await expect(preview).toContainText(`${host}/brands/creme-glow-lab-${suffix}`);
    await expect(preview).toContainText('Available');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('an address in use is named taken before submitting; once edited, the name no longer changes it', async () => {
    await address.fill('lumen');
    await expect(page.getByText('The web address “lumen” is taken. Try another.')).toBeVisible();
    await page.getByLabel('Brand name').fill(`Crème Glow Lab ${suffix} Two`);
    await expect(address).toHaveValue('lumen');
  });

  await test.step('submitted anyway, it is refused beside the field and nothing is created', async () => {
    await page.getByRole('button', { name: 'Create brand' }).click();
    await expect(page.getByText('The web address “lumen” is taken. Try another.')).toBeVisible();
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    const { rows } = await db.query(`SELECT 1 FROM "Brand" WHERE name = $1`, [`Crème Glow Lab ${suffix} Two`]);
    expect(rows).toHaveLength(0);
  });

  await test.step('a free address creates the brand there', async () => {
    await address.fill(`glow-lab-${suffix}`);
    await expect(preview).toContainText('Available');
    await page.getByRole('button', { name: 'Create brand' }).click();
    await page.waitForURL(`**/dashboard/brands/glow-lab-${suffix}/products`);
    const { rows } = await db.query<{ name: string }>(`SELECT name FROM "Brand" WHERE slug = $1`, [`glow-lab-${suffix}`]);
    expect(rows).toEqual([{ name: `Crème Glow Lab ${suffix} Two` }]);
  });
  await context.close();
});

test('a new brand starts in the time zone of the device, named by city and offset, and its owner can move it in Settings', async ({
  browser,
  db,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const context = await browser.newContext({ timezoneId: 'Asia/Ulaanbaatar', viewport: { width: 390, height: 844 } });
  await signIn(context, await createShopper(db, 'zonefounder'));
  const page = await context.newPage();
  await page.goto('/dashboard/brands/new');
  await pageReady(page);
  const zone = page.getByLabel('Time zone');

  await test.step('the zone this phone is set to is chosen, and reads as a place and an offset, not an id', async () => {
    await expect(zone).toHaveValue('Asia/Ulaanbaatar');
    await expect(zone.locator('option:checked')).toHaveText(/^Ulaanbaatar \(GMT\+8\)/);
    await expect(page.getByLabel('Currency').locator('option:checked')).toHaveText('USD · US Dollar');
  });

  await test.step('the brand is created in that zone', async () => {
    await page.getByLabel('Brand name').fill(`Steppe Wool ${suffix}`);
    await page.getByRole('button', { name: 'Create brand' }).click();
    await page.waitForURL(`**/dashboard/brands/steppe-wool-${suffix}/products`);
    const { rows } = await db.query<{ timeZone: string }>(`SELECT "timeZone" FROM "Brand" WHERE slug = $1`, [`steppe-wool-${suffix}`]);
    expect(rows).toEqual([{ timeZone: 'Asia/Ulaanbaatar' }]);
  });

  await test.step('Settings moves it to Phnom Penh; the new show form then enters times there', async () => {
    await page.goto(`/dashboard/brands/steppe-wool-${suffix}/settings`);
    await pageReady(page);
    const settingsZone = page.getByLabel('Brand time zone');
    await expect(settingsZone).toHaveValue('Asia/Ulaanbaatar');
    await settingsZone.selectOption('Asia/Phnom_Penh');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText('Time zone saved.')).toBeVisible();
    const { rows } = await db.query<{ timeZone: string }>(`SELECT "timeZone" FROM "Brand" WHERE slug = $1`, [`steppe-wool-${suffix}`]);
    expect(rows).toEqual([{ timeZone: 'Asia/Phnom_Penh' }]);
    await page.goto(`/dashboard/brands/steppe-wool-${suffix}/shows/new`);
    await expect(page.getByLabel('Start (Phnom Penh time)')).toBeVisible();
  });
  await context.close();
});

test('a product is created with its image and a price typed with a comma, in one form', async ({ browser, db }) => {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const title = `Comma Serum ${suffix}`;
  const context = await browser.newContext();
  await signIn(context, 'brand@demo.live');
  const page = await context.newPage();
  await page.goto('/dashboard/brands/lumen/products/new');
  await pageReady(page);

  await test.step('the image is chosen in the create form and previewed', async () => {
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('SKU').fill(`E2E-${suffix}`);
    await page.getByLabel('Stock').fill('5');
    await page
      .getByLabel('Product image')
      .setInputFiles({ name: 'serum.png', mimeType: 'image/png', buffer: solidPng(24, 24, [200, 80, 120]) });
    await expect(page.getByRole('img', { name: 'The chosen image' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('"1,234" could be a thousand or one and a bit: refused, saying why, and nothing is created', async () => {
    await page.getByLabel('Price (USD)').fill('1,234');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByText('“1,234” could mean two different amounts. Write it like 12.50.')).toBeVisible();
    expect((await db.query(`SELECT 1 FROM "Product" WHERE title = $1`, [title])).rows).toHaveLength(0);
  });

  await test.step('"45,50" is accepted and the product opens with its image', async () => {
    await page.getByLabel('Price (USD)').fill('45,50');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/dashboard\/brands\/lumen\/products\/[^/]+\?saved=created/);
    const image = page.getByRole('img', { name: `Current image of ${title}` });
    await expect(image).toHaveAttribute('src', /\/uploads\/products\//);
    await expect.poll(() => decoded(image)).toBe(true);
  });

  const { rows } = await db.query<{ imageUrl: string; priceMinor: number }>(
    `SELECT p."imageUrl", v."priceMinor" FROM "Product" p JOIN "ProductVariant" v ON v."productId" = p.id WHERE p.title = $1`,
    [title],
  );
  expect(rows).toEqual([{ imageUrl: expect.stringMatching(/^\/uploads\/products\/.+\.png$/), priceMinor: 4550 }]);
  await context.close();
});

test('the show cover is a picture with Replace and Remove, never a path', async ({ browser, db }) => {
  const { showId } = await scheduleShowLikeDemo(db, 'cover');
  await db.query(`UPDATE "Show" SET "coverImageUrl" = '/demo/covers/glow-up.jpg' WHERE id = $1`, [showId]);
  const context = await browser.newContext();
  await signIn(context, 'brand@demo.live');
  const page = await context.newPage();
  const cover = page.getByRole('img', { name: 'The show’s cover' });
  const coverOf = async () =>
    (await db.query<{ coverImageUrl: string | null }>(`SELECT "coverImageUrl" FROM "Show" WHERE id = $1`, [showId])).rows[0]!.coverImageUrl;

  await test.step('the current cover is shown as an image, and no field holds its path', async () => {
    await page.goto(`/dashboard/brands/lumen/shows/${showId}`);
    await pageReady(page);
    await expect.poll(() => decoded(cover)).toBe(true);
    expect((await typedInputValues(page)).filter((v) => v.includes('/'))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('Replace: a new file is previewed, saved, and shown after a reload', async () => {
    await page
      .getByLabel('Replace the cover (PNG, JPEG or WebP, up to 5 MB)')
      .setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: solidPng(32, 18, [40, 120, 200]) });
    await expect(cover).toHaveAttribute('src', /^blob:/);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await expect.poll(coverOf).toMatch(/^\/uploads\/shows\/.+\.png$/);
    await page.reload();
    await pageReady(page);
    await expect(cover).toHaveAttribute('src', (await coverOf())!);
    await expect.poll(() => decoded(cover)).toBe(true);
    expect((await typedInputValues(page)).filter((v) => v.includes('/'))).toEqual([]);
  });

  await test.step('Remove: the preview says there is no cover, and saving clears it', async () => {
    await page.getByRole('button', { name: 'Remove cover' }).click();
    await expect(cover).toHaveCount(0);
    await expect(page.getByText('No cover yet')).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await expect.poll(coverOf).toBeNull();
  });
  await context.close();
});
