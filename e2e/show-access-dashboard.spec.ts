import { expect, pageReady, signIn, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

// The brand's two new panels on a show's dashboard page, on a phone: invitations go out by email,
// and shares that do not add up to the commission are refused in words.
test('a brand makes a show invite-only with an emailed link and is told when co-host shares do not add up', async ({ browser, db }) => {
  const { showId } = await scheduleShowLikeDemo(db, 'access');
  const brand = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(brand, 'brand@demo.live');
  const page = await brand.newPage();
  await page.goto(`/dashboard/brands/lumen/shows/${showId}`);
  await pageReady(page);

  await test.step('invite only, one email: one invitation with a personal link', async () => {
    const panel = page.getByRole('region', { name: 'Who can watch' });
    await panel.getByRole('radio', { name: /Invite only/ }).check();
    await panel.getByRole('textbox', { name: 'Invited emails' }).fill('friend@guests.example');
    await panel.getByRole('button', { name: 'Save who can watch' }).click();
    await expect(panel.getByText('1 invitation sent.')).toBeVisible();
    const { rows } = await db.query<{ visibility: string; email: string }>(
      `SELECT s.visibility, i.email FROM "Show" s JOIN "ShowInvite" i ON i."showId" = s.id WHERE s.id = $1`,
      [showId],
    );
    expect(rows).toEqual([{ visibility: 'INVITE_ONLY', email: 'friend@guests.example' }]);
  });

  await test.step('shares of 6 % and 3 % of a 10 % commission are refused with the sum and the rate', async () => {
    const panel = page.getByRole('region', { name: 'Hosts and commission shares' });
    await panel.getByRole('textbox', { name: 'Host, row 1' }).fill('@mia');
    await panel.getByRole('textbox', { name: 'Share in percent, row 1' }).fill('6');
    await panel.getByRole('textbox', { name: 'Host, row 2' }).fill('@mia');
    await panel.getByRole('combobox', { name: 'Applies to, row 2' }).selectOption({ index: 1 });
    await panel.getByRole('textbox', { name: 'Share in percent, row 2' }).fill('3');
    await panel.getByRole('button', { name: 'Save shares' }).click();
    await expect(panel.getByText(/add up to 6 %, but the show.s commission is 10 %/)).toBeVisible();
    const { rows } = await db.query(`SELECT 1 FROM "ShowHostShare" WHERE "showId" = $1`, [showId]);
    expect(rows).toHaveLength(0);
  });
  await brand.close();
});
