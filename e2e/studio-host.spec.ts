import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { formatPrice } from '../app/_lib/format';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

const SCREEN = { width: 1440, height: 900 };

/** Orders of the show the way the studio must count them: paid, straight from the database. */
async function dbFigures(db: import('pg').Client, showId: string) {
  const { rows } = await db.query<{ orders: number; total: number }>(
    `SELECT COUNT(*)::int AS orders, COALESCE(SUM("totalMinor" - "refundedMinor"), 0)::int AS total FROM "Order" WHERE "showId" = $1 AND status IN ('PAID','PACKED','SHIPPED','DELIVERED')`,
    [showId],
  );
  return rows[0]!;
}

/** Fully inside the window: visible without scrolling the page. */
async function expectInView(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + Math.min(box!.height, 120), `${what} is above the fold`).toBeLessThanOrEqual(SCREEN.height);
  expect(box!.x + box!.width, `${what} fits across`).toBeLessThanOrEqual(SCREEN.width);
}

test('the studio shows the database’s figures after a reload, viewers’ reactions, chat beside the camera at 1440×900, big moderation buttons, and an end-of-show summary without pins or deals', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'studio');
  // 55 paid orders: more than the 50 sales the studio used to remember in the page.
  await db.query(
    `INSERT INTO "Order" (id, "buyerId", "brandId", "showId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paidAt")
     SELECT 'e2e_ord_' || $1 || '_' || g, u.id, s."brandId", s.id, 'PAID', 1000 + g, 1000 + g, 'USD', 'e2e-' || $1 || '-' || g, now()
       FROM generate_series(1, 55) g, "User" u, "Show" s WHERE u.email = 'viewer@demo.live' AND s.id = $1`,
    [show.showId],
  );
  await db.query(
    `INSERT INTO "OrderItem" (id, "orderId", "variantId", title, quantity, "unitPriceMinor", currency)
     SELECT 'e2e_item_' || o.id, o.id, $2, 'Cream', 1, o."totalMinor", 'USD' FROM "Order" o WHERE o."showId" = $1`,
    [show.showId, show.variantId],
  );
  await db.query(
    `INSERT INTO "ChatMessage" (id, "showId", "userId", text) SELECT $2, $1, u.id, 'Is this good for dry skin?' FROM "User" u WHERE u.email = 'viewer2@demo.live'`,
    [show.showId, `e2e_msg_${randomUUID().slice(0, 8)}`],
  );
  const expected = await dbFigures(db, show.showId);
  expect(expected.orders).toBe(55);

  const hostContext = await browser.newContext({ viewport: SCREEN });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(hostContext, 'host@demo.live');
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();

  await test.step('the figures are the database’s, and stay so after a reload', async () => {
    await studio.goto(`/studio/${show.showId}`);
    await expect(studio.getByTestId('studio-orders')).toHaveText(String(expected.orders));
    await expect(studio.getByTestId('studio-revenue')).toHaveText(formatPrice(expected.total, 'USD', 'en'));
    await studio.reload();
    await expect(studio.getByTestId('studio-orders')).toHaveText(String(expected.orders));
    await expect(studio.getByTestId('studio-revenue')).toHaveText(formatPrice(expected.total, 'USD', 'en'));
  });

  await test.step('camera, controls, lineup and chat are all in view at 1440×900', async () => {
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
    await expectInView(studio, studio.getByTestId('studio-preview'), 'camera');
    await expectInView(studio, studio.getByRole('button', { name: 'End show' }), 'End show');
    await expectInView(studio, studio.getByRole('heading', { name: 'Lineup' }), 'lineup');
    await expectInView(studio, studio.getByRole('heading', { name: 'Chat', exact: true }), 'chat');
    await expectInView(studio, studio.getByRole('textbox', { name: 'Message' }), 'chat input');
    expect(
      await studio.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1),
      'the page itself does not scroll',
    ).toBe(true);
    // Each column scrolls on its own at this width: a named region, which a keyboard can focus (and so scroll).
    for (const name of ['Camera and show', 'Products and deals']) {
      const column = studio.getByRole('region', { name, exact: true });
      await expect(column).toBeVisible();
      expect(await column.evaluate((el) => getComputedStyle(el).overflowY), name).toBe('auto');
      await expect(column).toHaveAttribute('tabindex', '0');
    }
  });

  await test.step('Pin, Delete and Ban are separate 44 px buttons, and Ban asks first', async () => {
    const row = studio.getByTestId('chat-messages').getByRole('listitem').filter({ hasText: 'Is this good for dry skin?' });
    for (const name of [/^Pin message from/, /^Delete message from/, /^Ban .* from chat$/]) {
      const box = await row.getByRole('button', { name }).boundingBox();
      expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(44);
      expect(box!.width, `${name} width`).toBeGreaterThanOrEqual(44);
    }
    await row.getByRole('button', { name: /^Ban .* from chat$/ }).click();
    const dialog = studio.getByRole('dialog', { name: /^Ban .* from chat\?$/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toBeVisible();
  });

  await test.step('a viewer’s hearts reach the studio', async () => {
    await viewer.goto(`/shows/${show.showId}`);
    // The pinned card comes with the join's snapshot: from then on the viewer's taps are sent.
    await expect(viewer.getByTestId('pinned-product')).toBeVisible();
    const heart = viewer.getByRole('button', { name: 'Send a heart' });
    const studioHearts = studio.getByTestId('studio-reactions').locator('[data-kind="heart"]');
    await expect(async () => {
      await heart.click();
      await expect(studioHearts).toBeVisible({ timeout: 3000 });
    }).toPass();
    await expect(studioHearts).toContainText(/[1-9]/);
  });

  await test.step('ending the show turns the studio into its summary, the same after a reload', async () => {
    await studio.getByRole('button', { name: 'End show' }).click();
    await studio.getByRole('dialog', { name: 'End the show for everyone?' }).getByRole('button', { name: 'End the show' }).click();
    for (const phase of ['after ending', 'after a reload']) {
      if (phase === 'after a reload') await studio.reload();
      const summary = studio.getByTestId('studio-summary');
      await expect(summary, phase).toBeVisible();
      await expect(studio.getByTestId('studio-status')).toHaveText('Ended');
      await expect(summary.getByTestId('summary-orders')).toHaveText(String(expected.orders));
      await expect(summary.getByTestId('summary-revenue')).toHaveText(formatPrice(expected.total, 'USD', 'en'));
      await expect(summary.getByTestId('summary-top-products')).toContainText('55 sold');
      // The viewer who sent the hearts was watching: the audience is recorded with the end.
      await expect(summary.getByTestId('summary-peak')).toHaveText(/^[1-9]\d*$/);
      await expect(summary.getByTestId('summary-unique')).toHaveText(/^[1-9]\d*$/);
      await expect(summary.getByRole('link', { name: 'Your commission statement' })).toHaveAttribute('href', '/dashboard/host/statement');
      // Nothing to pin and no deals once the show is over.
      await expect(studio.getByRole('heading', { name: 'Lineup' })).toBeVisible();
      await expect(studio.getByTestId('studio-lineup').getByRole('button')).toHaveCount(0);
      await expect(studio.getByRole('heading', { name: 'Flash deal' })).toHaveCount(0);
      await expect(studio.getByRole('button', { name: 'Start deal' })).toHaveCount(0);
    }
  });

  await hostContext.close();
  await viewerContext.close();
});

test('accepting an invitation on the host dashboard confirms it, naming the show', async ({ browser, db }) => {
  const showId = `e2e_invite_${randomUUID().slice(0, 8)}`;
  const title = `Invite night ${showId.slice(-4)}`;
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", "hostInviteStatus")
     SELECT $1, b.id, u.id, $2, now() + interval '2 days', 'PENDING' FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, title],
  );
  const context = await browser.newContext();
  await signIn(context, 'host@demo.live');
  const page = await context.newPage();
  await page.goto('/dashboard/host');
  await page.getByRole('button', { name: `Accept hosting ${title}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Accepted. “${title}” is on your schedule below` })).toBeVisible();
  const { rows } = await db.query<{ hostInviteStatus: string }>(`SELECT "hostInviteStatus" FROM "Show" WHERE id = $1`, [showId]);
  expect(rows[0]!.hostInviteStatus).toBe('ACCEPTED');
  await context.close();
});
