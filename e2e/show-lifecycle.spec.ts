import { randomUUID } from 'node:crypto';
import { expect, pageReady, signIn, test } from './support/fixtures';

// A page opened before the show follows it: the countdown and "Remind me" give way to
// the live show when the host goes live, and the live show to an ended state when the
// host ends it, without the viewer reloading.
test('a page opened before the show switches to live and then to an ended state without a reload', async ({ browser, db }) => {
  const showId = `e2e_lifecycle_${randomUUID().slice(0, 8)}`;
  const title = `Lifecycle night ${showId.slice(-4)}`;
  await db.query(
    // Not recorded: the ended state is what this test is about (a recorded show opens as its replay).
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "hostInviteStatus", "recordingEnabled")
     SELECT $1, b.id, u.id, $2, now() + interval '2 hours', 'SCHEDULED', 'ACCEPTED', false FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, title],
  );
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(viewerContext, 'viewer@demo.live')]);
  const studio = await hostContext.newPage();
  const page = await viewerContext.newPage();

  await test.step('before the show: a countdown and "Remind me"', async () => {
    await page.goto(`/shows/${showId}`);
    await pageReady(page);
    await expect(page.getByRole('timer')).toBeVisible();
    await expect(page.getByRole('button', { name: /Remind me/ })).toBeVisible();
    // A mark on this document: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  });

  await test.step('the host goes live: the countdown and "Remind me" go, the LIVE badge comes', async () => {
    await studio.goto(`/studio/${showId}`);
    await studio.getByRole('button', { name: 'Go live' }).click();
    await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    await expect(studio.getByTestId('studio-status')).toHaveText('Live');
    await expect(page.getByRole('main').getByText('Live', { exact: true })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Remind me/ })).toHaveCount(0);
  });

  await test.step('the host ends it: the page says so, offers what is next and the orders, never "not pinned yet"', async () => {
    await studio.getByRole('button', { name: 'End show' }).click();
    await studio.getByRole('dialog', { name: 'End the show for everyone?' }).getByRole('button', { name: 'End the show' }).click();
    const ended = page.getByTestId('show-ended');
    await expect(ended.getByRole('heading', { name: 'This show has ended' })).toBeVisible();
    await expect(ended.getByRole('link', { name: 'Your orders' })).toHaveAttribute('href', '/account/orders');
    await expect(ended.getByRole('heading', { name: 'Live and upcoming shows' })).toBeVisible();
    await expect(page.getByText('The host has not pinned a product yet.')).toHaveCount(0);
    await expect(page.getByRole('timer')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  await test.step('an ended show without a recording is not offered as a replay: the home page does not list it', async () => {
    await page.goto('/');
    await pageReady(page);
    await expect(page.getByRole('main').getByText(title)).toHaveCount(0);
  });

  await Promise.all([hostContext.close(), viewerContext.close()]);
});

test('the slow-mode notice counts down after a message and then clears', async ({ browser, db }) => {
  const showId = `e2e_slow_${randomUUID().slice(0, 8)}`;
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "slowModeSeconds")
     SELECT $1, b.id, u.id, $2, now(), 'LIVE', now(), 'ACCEPTED', 5 FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, `Slow night ${showId.slice(-4)}`],
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${showId}`);
  // The slow-mode line comes with the join snapshot: the page has joined the show.
  await expect(page.getByText('Slow mode: one message every 5 s.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello from slow mode');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const notice = page.getByTestId('slow-mode-wait');
  await expect(notice).toHaveText(/^Slow mode: you can send again in [1-5] s\.$/);
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  // The rule: the notice is gone once the wait is over (5 s), and sending works again.
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('And again');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await context.close();
});
