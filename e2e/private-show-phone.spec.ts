import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// An invite-only show on a phone: a stranger is refused (FORBIDDEN) with a page that says why, in
// their language; an invitee's personal join link opens the live show.
test('an invite-only show refuses an uninvited phone and lets the invited one in through their personal link', async ({ browser, db }) => {
  const show = await startOwnLiveShow(db, 'private');
  const token = randomUUID();
  await db.query(`UPDATE "Show" SET visibility = 'INVITE_ONLY' WHERE id = $1`, [show.showId]);
  await db.query(`INSERT INTO "ShowInvite" (id, "showId", email, token) VALUES ($1, $2, $3, $4)`, [
    `e2e_invite_${token.slice(0, 8)}`,
    show.showId,
    `guest-${token.slice(0, 8)}@invited.example`,
    token,
  ]);

  const welcome = `Welcome, invited friends ${token.slice(0, 4)}`;
  await db.query(
    `INSERT INTO "ChatMessage" (id, "showId", "userId", text) SELECT $1, $2, id, $3 FROM "User" WHERE email = 'host@demo.live'`,
    [`e2e_welcome_${token.slice(0, 8)}`, show.showId, welcome],
  );

  await test.step('a stranger reads that the show is private, and nothing of it', async () => {
    const stranger = await browser.newContext(PHONE);
    const page = await stranger.newPage();
    await page.goto(`/shows/${show.showId}`);
    await expect(page.getByRole('heading', { name: 'This show is private' })).toBeVisible();
    // Not even the title, which the browser's tab and history would show.
    await expect(page).toHaveTitle(/This show is private/);
    expect(await page.title()).not.toContain(show.title);
    await expect(page.getByRole('status')).toContainText('invited can watch it');
    await expect(page.locator('main[data-refusal="SHOW_PRIVATE"]')).toHaveCount(1);
    await expect(page.getByTestId('pinned-product')).toHaveCount(0);
    await stranger.close();
  });

  await test.step('the same refusal reads in Khmer for a Khmer phone', async () => {
    const khmer = await browser.newContext({ ...PHONE, locale: 'km-KH' });
    const page = await khmer.newPage();
    await page.goto(`/shows/${show.showId}`);
    await expect(page.getByRole('heading', { name: 'កម្មវិធីនេះជាឯកជន' })).toBeVisible();
    await khmer.close();
  });

  await test.step('the invitee’s personal link opens the live show with its pinned product', async () => {
    const guest = await browser.newContext(PHONE);
    const page = await guest.newPage();
    await page.goto(`/api/shows/join/${token}`);
    await expect(page).toHaveURL(new RegExp(`/shows/${show.showId}$`));
    await expect(page.getByRole('heading', { name: 'This show is private' })).toHaveCount(0);
    await expect(page.getByTestId('pinned-product')).toBeVisible({ timeout: 30_000 });
    // The chat comes only with show:join's snapshot: seeing it proves the page's socket was admitted too.
    await expect(page.getByTestId('chat-messages')).toContainText(welcome, { timeout: 30_000 });
    await guest.close();
  });

  await test.step('a withdrawn link no longer opens it', async () => {
    await db.query(`DELETE FROM "ShowInvite" WHERE token = $1`, [token]);
    const late = await browser.newContext(PHONE);
    const page = await late.newPage();
    await page.goto(`/api/shows/join/${token}`);
    await expect(page).toHaveURL(/\/$/);
    await page.goto(`/shows/${show.showId}`);
    await expect(page.getByRole('heading', { name: 'This show is private' })).toBeVisible();
    await late.close();
  });
});
