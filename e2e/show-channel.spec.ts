import { expect, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

// The show channel as people use it: chat, moderation and a flash deal, across
// three browsers, on a show of its own (off air until the host goes live here).
test('chat stays plain text in other browsers, the host moderates it, and a flash deal sells at its price with a countdown', async ({
  browser,
  db,
}) => {
  const { showId } = await scheduleShowLikeDemo(db, 'channel');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await Promise.all([
    signIn(hostContext, 'host@demo.live'),
    signIn(viewerContext, 'viewer@demo.live'),
    signIn(phoneContext, 'viewer2@demo.live'),
  ]);
  const studio = await hostContext.newPage();
  const viewer = await viewerContext.newPage();
  const phone = await phoneContext.newPage();
  const dialogs: string[] = [];
  studio.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });

  await test.step('the host is live with the first product pinned', async () => {
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByTestId('studio-status')).toHaveText('Off air');
    await studio.getByRole('button', { name: 'Go live' }).click();
    await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
    await studio.getByRole('button', { name: /^Pin Dewy Glow Serum$/ }).click();
    await expect(studio.getByRole('button', { name: /^Unpin Dewy Glow Serum$/ })).toBeVisible();
  });

  await test.step('a script tag sent in chat reaches the other browsers as plain text and runs nowhere', async () => {
    await viewer.goto(`/shows/${showId}`);
    await phone.goto(`/shows/${showId}`);
    await viewer.evaluate(() => ((window as unknown as { __xss: number }).__xss = 0));
    await phone.evaluate(() => ((window as unknown as { __xss: number }).__xss = 0));
    const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';
    await viewer.getByRole('textbox', { name: 'Message', exact: true }).fill(payload);
    await viewer.getByRole('button', { name: 'Send', exact: true }).click();
    for (const page of [phone, studio]) {
      await expect(page.getByTestId('chat-text').filter({ hasText: payload })).toHaveText(payload);
      expect(await page.getByTestId('chat-messages').locator('script, img').count()).toBe(0);
    }
    expect(await phone.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  });

  await test.step('the host deletes the message for everyone', async () => {
    await studio.getByRole('button', { name: 'Delete message from Sam Rivera' }).last().click();
    await expect(phone.getByTestId('chat-text').filter({ hasText: '<script>' })).toHaveCount(0);
    await expect(viewer.getByTestId('chat-text').filter({ hasText: '<script>' })).toHaveCount(0);
  });

  await test.step('the host starts a flash deal; viewers see the deal price and a countdown, and buy at that price', async () => {
    const deal = studio.getByRole('form', { name: 'Start a flash deal' });
    await deal.getByLabel('Deal price (USD)').fill('29');
    await deal.getByLabel('Units (optional)').fill('10');
    await deal.getByRole('button', { name: 'Start deal' }).click();
    await expect(studio.getByTestId('studio-deal')).toContainText('Deal running');
    const banner = phone.getByTestId('deal-banner');
    await expect(banner).toContainText('Flash deal');
    await expect(banner).toContainText('10 left');
    await expect(banner).toContainText(/\d:\d\d/);
    await phone.getByRole('button', { name: 'Buy now · $29.00' }).click();
    // The order total is the deal price plus the demo brand's 4.00 shipping (free only from 50.00).
    await expect(phone.getByRole('status').filter({ hasText: /Order #\d+ confirmed/ })).toContainText('$33.00');
    await expect(viewer.getByTestId('deal-banner')).toContainText('9 left');
    const { rows: items } = await db.query<{ unitPriceMinor: number }>(
      `SELECT i."unitPriceMinor" FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" JOIN "User" u ON u.id = o."buyerId"
        WHERE u.email = 'viewer2@demo.live' AND i."dealId" IS NOT NULL AND o."showId" = $1`,
      [showId],
    );
    expect(items).toEqual([{ unitPriceMinor: 2900 }]);
  });

  await test.step('the host ends the deal and the regular price returns for everyone', async () => {
    await studio.getByRole('button', { name: 'End deal now' }).click();
    await expect(viewer.getByTestId('deal-banner')).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Buy now · \$38\.00$/ })).toBeVisible();
  });

  await Promise.all([hostContext.close(), viewerContext.close(), phoneContext.close()]);
});
