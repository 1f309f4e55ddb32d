import { expect, signIn, test } from './support/fixtures';

// A 1×1 PNG: a real image the server identifies by its magic bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** "YYYY-MM-DDTHH:mm" as clocks in the zone show it, for a datetime-local input. */
function localInput(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('a brand creates a product and schedules a show, the host accepts, and a follower is reminded by email and lands on the show', async ({
  browser,
  db,
}) => {
  const run = Date.now().toString(36).toUpperCase();
  const productTitle = `Aurora Silk Scarf ${run}`;
  const showTitle = `Scarf Season ${run}`;
  const [brand, host, viewer] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  await Promise.all([signIn(brand, 'brand@demo.live'), signIn(host, 'host@demo.live'), signIn(viewer, 'viewer2@demo.live')]);
  const brandPage = await brand.newPage();
  const viewerPage = await viewer.newPage();

  await test.step('a viewer follows the host', async () => {
    await viewerPage.goto('/hosts/mia');
    await viewerPage.getByRole('button', { name: 'Follow Mia Chen' }).click();
    await expect(viewerPage.getByRole('button', { name: 'Following Mia Chen' })).toBeVisible();
  });

  const productId = await test.step('the brand creates a product with two variants and an image', async () => {
    await brandPage.goto('/dashboard/brands/lumen/products/new');
    await brandPage.getByLabel('Title').fill(productTitle);
    await brandPage.getByLabel('Description').fill('Mulberry silk, hand-rolled edges.');
    await brandPage.getByRole('button', { name: 'Add variant' }).click();
    const variants = [
      { name: 'Blue', sku: `E2E-${run}-BLUE`, options: 'Colour=Blue', price: '24.00', stock: '10' },
      { name: 'Rose', sku: `E2E-${run}-ROSE`, options: 'Colour=Rose', price: '26.50', stock: '4' },
    ];
    for (const [i, v] of variants.entries()) {
      for (const field of ['name', 'sku', 'options', 'price', 'stock'] as const)
        await brandPage.locator(`#variant-${i}-${field}`).fill(v[field]);
    }
    await brandPage.getByRole('button', { name: 'Create product' }).click();
    await expect(brandPage).toHaveURL(/\/products\/[^/?]+\?saved=created/);
    const id = /\/products\/([^/?]+)/.exec(brandPage.url())![1]!;
    await brandPage.locator('#image').setInputFiles({ name: 'scarf.png', mimeType: 'image/png', buffer: PNG });
    await brandPage.getByRole('button', { name: 'Upload image' }).click();
    await expect
      .poll(async () => (await db.query(`SELECT "imageUrl" FROM "Product" WHERE id = $1`, [id])).rows[0]?.imageUrl)
      .toMatch(/^\/uploads\//);
    const { rows } = await db.query(`SELECT sku, "priceMinor", stock, options FROM "ProductVariant" WHERE "productId" = $1 ORDER BY sku`, [
      id,
    ]);
    expect(rows).toEqual([
      { sku: `E2E-${run}-BLUE`, priceMinor: 2400, stock: 10, options: { Colour: 'Blue' } },
      { sku: `E2E-${run}-ROSE`, priceMinor: 2650, stock: 4, options: { Colour: 'Rose' } },
    ]);
    return id;
  });

  const showId = await test.step('the brand schedules a show with it and invites the host', async () => {
    await brandPage.goto('/dashboard/brands/lumen/shows/new');
    await brandPage.getByLabel('Title').fill(showTitle);
    await brandPage.getByLabel('Description').fill('Ten ways to tie a silk scarf.');
    // Ten minutes ahead: inside everyone's reminder lead, so the reminder goes out now.
    await brandPage.getByLabel(/^Start \(/).fill(localInput(new Date(Date.now() + 10 * 60_000), 'Asia/Phnom_Penh'));
    await brandPage.getByLabel('Host handle').fill('mia');
    await brandPage.getByLabel('Product to add').selectOption({ label: productTitle });
    await brandPage.getByRole('button', { name: 'Add', exact: true }).click();
    await brandPage.getByRole('button', { name: 'Create show and invite host' }).click();
    await expect(brandPage).toHaveURL(/\/shows\/[^/?]+\?created=1/);
    const id = /\/shows\/([^/?]+)/.exec(brandPage.url())![1]!;
    const { rows } = await db.query(
      `SELECT "hostInviteStatus", (SELECT array_agg("productId") FROM "ShowProduct" WHERE "showId" = $1) AS lineup FROM "Show" WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ hostInviteStatus: 'PENDING', lineup: [productId] });
    return id;
  });

  await test.step('the host accepts from their dashboard', async () => {
    const hostPage = await host.newPage();
    await hostPage.goto('/dashboard/host');
    await hostPage.getByRole('button', { name: `Accept hosting ${showTitle}` }).click();
    await expect(hostPage.getByRole('link', { name: `Open studio for ${showTitle}` })).toBeVisible();
    expect((await db.query(`SELECT "hostInviteStatus" FROM "Show" WHERE id = $1`, [showId])).rows[0]).toEqual({
      hostInviteStatus: 'ACCEPTED',
    });
  });

  await test.step('the follower finds the reminder in the mailbox, opens the link and lands on the show', async () => {
    const reminder = viewerPage.getByRole('link', { name: new RegExp(`Starting .*${showTitle}`) });
    await expect(async () => {
      await viewerPage.goto('/mailbox?to=viewer2@demo.live');
      await expect(reminder).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await reminder.click();
    await viewerPage.getByRole('link', { name: 'Open the show' }).click();
    await expect(viewerPage).toHaveURL(new RegExp(`/shows/${showId}$`));
    await expect(viewerPage.getByRole('heading', { name: showTitle })).toBeVisible();
  });
  await Promise.all([brand.close(), host.close(), viewer.close()]);
});
