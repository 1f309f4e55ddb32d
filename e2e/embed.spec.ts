import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';
import { goLiveAndPublish } from './support/studio';

// A brand's own website embeds a live show with public/embed.js. The site is a second local
// origin (a tiny server on another port, on 127.0.0.1 rather than localhost: another site, as a
// brand's shop is) serving docs/embed-example.html, the page docs/embed.md tells brands to start
// from; the player in its frame plays the real stream, and Buy in hand-off mode hands the product
// to the site's own cart by postMessage. A site the brand does not list gets no player.

const OTHER_BRAND_SHOW = 'demo_show_trail_ready';

interface HostSite {
  origin: string;
  close(): Promise<void>;
}

/** A web page on its own origin, with a listener (run before anything else) that keeps every message the page receives. */
async function startHostSite(page: string): Promise<HostSite> {
  const spy = `<script>
  window.received = [];
  window.cartEvents = [];
  window.addEventListener('message', (event) => window.received.push({ origin: event.origin, data: event.data }));
  document.addEventListener('live-commerce:add-to-cart', (event) => window.cartEvents.push(event.detail));
</script>`;
  const html = page.includes('<head>')
    ? page.replace('<head>', `<head>${spy}`)
    : `<!doctype html><html><head>${spy}</head><body>${page}</body></html>`;
  const server: Server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const decodedFrames = (page: Page) =>
  page
    .frameLocator('#handoff-player iframe')
    .getByTestId('live-video')
    .evaluate((el) => (el as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);

test('a brand’s site embeds the live show with its script tag, the frame plays the stream, and Buy hands the SKU and quantity to the site', async ({
  browser,
  baseURL,
  db,
}) => {
  // The app's own origin: the shop's page and the postMessage it receives name it.
  const APP = new URL(baseURL!).origin;
  const { showId } = await scheduleShowLikeDemo(db, 'embed');
  const shop = await startHostSite(readFileSync(new URL('../docs/embed-example.html', import.meta.url), 'utf8'));
  const stranger = await startHostSite(
    `<iframe title="stolen player" src="${APP}/embed/shows/${showId}" style="width:400px;height:600px"></iframe>`,
  );
  const brandContext = await browser.newContext();
  const hostContext = await browser.newContext();
  const visitorContext = await browser.newContext({ viewport: { width: 430, height: 900 } });
  try {
    await Promise.all([signIn(brandContext, 'brand@demo.live'), signIn(hostContext, 'host@demo.live')]);

    await test.step('the brand lists its shop among the sites that may embed its shows', async () => {
      const settings = await brandContext.newPage();
      await settings.goto('/dashboard/brands/lumen/settings');
      await pageReady(settings);
      const field = settings.getByLabel('Sites that may embed your shows');
      const listed = (await field.inputValue()).split('\n').filter((line) => line && line !== shop.origin);
      await field.fill([...listed, `${shop.origin}/`].join('\n'));
      await settings.getByRole('button', { name: 'Save sites' }).click();
      await expect(settings.getByText(/^Saved\. The sites listed/)).toBeVisible();
      const { rows } = await db.query<{ embedOrigins: string[] }>(`SELECT "embedOrigins" FROM "Brand" WHERE slug = 'lumen'`);
      expect(rows[0]!.embedOrigins).toContain(shop.origin);
      expect(rows[0]!.embedOrigins).not.toContain(stranger.origin);
    });

    await test.step('the player may be framed by the listed site only; other pages and other brands’ players refuse framing', async () => {
      const embed = (await visitorContext.request.get(`/embed/shows/${showId}`)).headers();
      expect(embed['content-security-policy']).toMatch(
        new RegExp(`frame-ancestors 'self'[^;]* ${shop.origin.replaceAll('.', '\\.')}(;|$| )`),
      );
      expect(embed['content-security-policy']).not.toContain(stranger.origin);
      expect(embed['x-frame-options']).toBeUndefined();
      const page = (await visitorContext.request.get(`/shows/${showId}`)).headers();
      expect(page['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page['x-frame-options']).toBe('DENY');
      // Kora lists no site: its player is refused to every site but ours.
      const kora = (await visitorContext.request.get(`/embed/shows/${OTHER_BRAND_SHOW}`)).headers();
      expect(kora['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
      expect(kora['x-frame-options']).toBe('SAMEORIGIN');
    });

    const studio = await hostContext.newPage();
    const { rows: lineup } = await db.query<{ productId: string; title: string }>(
      `SELECT p.id AS "productId", p.title FROM "ShowProduct" sp JOIN "Product" p ON p.id = sp."productId"
        WHERE sp."showId" = $1 ORDER BY sp.position LIMIT 1`,
      [showId],
    );
    const product = lineup[0]!;
    await test.step('the host goes live and pins a product', async () => {
      await goLiveAndPublish(studio, showId);
      await studio.getByRole('button', { name: `Pin ${product.title}` }).click();
    });

    // Every frame records the CSP violations it sees: the player must run under its own policy inside the shop's page.
    await visitorContext.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const visitor = await visitorContext.newPage();
    await test.step('a visitor of the shop sees the live video decode frames in the embedded player', async () => {
      await visitor.goto(`${shop.origin}/embed-example.html?app=${APP}&show=${showId}`);
      const frame = visitor.frameLocator('#handoff-player iframe');
      await expect(frame.getByTestId('live-video')).toBeVisible();
      await expect.poll(() => decodedFrames(visitor), { message: 'the embedded video decodes frames', timeout: 60_000 }).toBeGreaterThan(0);
      const first = await decodedFrames(visitor);
      await expect.poll(() => decodedFrames(visitor), { message: 'decoded frames keep increasing' }).toBeGreaterThan(first + 10);
      await expect(frame.getByTestId('embed-product')).toContainText(product.title);
      const players = visitor.frames().filter((f) => f.url().startsWith(`${APP}/embed/shows/`));
      expect(players).toHaveLength(2);
      for (const player of players)
        expect(await player.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    });

    await test.step('Buy in hand-off mode posts the product, its SKU and the quantity to the shop, and to nobody else', async () => {
      const card = visitor.frameLocator('#handoff-player iframe').getByTestId('embed-product');
      await card.getByRole('button', { name: 'One more' }).click();
      await expect(card.getByTestId('embed-quantity')).toHaveText('2');
      await card.getByRole('button', { name: /^Add to cart · / }).click();
      await expect(card.getByText('Added 2 to the cart.')).toBeVisible();
      const { rows } = await db.query<{ id: string; sku: string; priceMinor: number; currency: string }>(
        `SELECT id, sku, "priceMinor", currency FROM "ProductVariant" WHERE "productId" = $1 AND stock > 0 ORDER BY "priceMinor", id LIMIT 1`,
        [product.productId],
      );
      const variant = rows[0]!;
      const expected = {
        type: 'live-commerce:add-to-cart',
        showId,
        productId: product.productId,
        sku: variant.sku,
        variantId: variant.id,
        quantity: 2,
        price: variant.priceMinor,
        currency: variant.currency.trim(),
      };
      await expect
        .poll(() => visitor.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received))
        .toContainEqual({ origin: APP, data: expected });
      // embed.js re-dispatches it on the element the player sits in.
      expect(await visitor.evaluate(() => (window as unknown as { cartEvents: unknown[] }).cartEvents)).toEqual([expected]);
      await expect(visitor.locator('#cart')).toHaveText(
        `2 × ${variant.sku} at ${(variant.priceMinor / 100).toFixed(2)} ${variant.currency.trim()}`,
      );
      // Nothing was bought through us: the shop's own cart takes it from here.
      const orders = await db.query(`SELECT 1 FROM "Order" WHERE "showId" = $1`, [showId]);
      expect(orders.rowCount).toBe(0);
    });

    await test.step('without the hand-off, Buy opens our checkout (the show page) in a new tab', async () => {
      const buy = visitor
        .frameLocator('#checkout-player iframe')
        .getByTestId('embed-product')
        .getByRole('link', { name: /^Buy · / });
      await expect(buy).toHaveAttribute('href', `/shows/${showId}`);
      await expect(buy).toHaveAttribute('target', '_blank');
    });

    await test.step('a site the brand does not list gets no player: Chromium blocks the frame', async () => {
      const page = await visitorContext.newPage();
      await page.goto(`${stranger.origin}/`);
      // The frame holds Chromium's error page, not the player.
      await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
      await expect(page.frameLocator('iframe').getByTestId('live-video')).toHaveCount(0);
    });
  } finally {
    // Its live copy of the demo show would otherwise sit on the home page beside the demo show for the specs after this one.
    await db.query(`UPDATE "Show" SET status = 'ENDED', "endedAt" = now(), "pinnedProductId" = NULL WHERE id = $1 AND status = 'LIVE'`, [
      showId,
    ]);
    await db.query(`UPDATE "Brand" SET "embedOrigins" = array_remove("embedOrigins", $1) WHERE slug = 'lumen'`, [shop.origin]);
    await Promise.all([brandContext.close(), hostContext.close(), visitorContext.close()]);
    await Promise.all([shop.close(), stranger.close()]);
  }
});
