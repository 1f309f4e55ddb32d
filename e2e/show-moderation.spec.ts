import { expect, signIn, test } from './support/fixtures';
import { createShopper, startOwnLiveShow } from './support/own-show';

// Issue 18 item 6: the brand's members moderate from the show page itself (the server
// allowed it before; no page showed the controls), on a phone and with the keyboard,
// and a plain viewer's page carries none of it.
test('a brand moderator deletes a message and bans a viewer from the show page, and a plain viewer sees no controls', async ({
  browser,
  db,
}, testInfo) => {
  const { showId } = await startOwnLiveShow(db, 'mods');
  const moderatorEmail = await createShopper(db, 'moderator');
  const chatterEmail = await createShopper(db, 'chatter');
  await db.query(`UPDATE "User" SET name = 'Mo Derator' WHERE email = $1`, [moderatorEmail]);
  await db.query(`UPDATE "User" SET name = 'Chatty Cathy' WHERE email = $1`, [chatterEmail]);
  await db.query(
    `INSERT INTO "BrandMember" ("brandId", "userId", role)
     SELECT s."brandId", u.id, 'STAFF' FROM "Show" s, "User" u WHERE s.id = $1 AND u.email = $2`,
    [showId, moderatorEmail],
  );
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const moderatorContext = await browser.newContext(phone);
  const chatterContext = await browser.newContext(phone);
  await Promise.all([signIn(moderatorContext, moderatorEmail), signIn(chatterContext, chatterEmail)]);
  const moderator = await moderatorContext.newPage();
  const chatter = await chatterContext.newPage();
  const send = async (text: string) => {
    await chatter.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
    await chatter.getByRole('button', { name: 'Send', exact: true }).click();
  };

  await test.step('both open the show page; only the moderator gets the moderation controls', async () => {
    await moderator.goto(`/shows/${showId}`);
    await chatter.goto(`/shows/${showId}`);
    await expect(moderator.getByRole('group', { name: 'Moderation' })).toBeVisible();
    await send('first message from Cathy');
    await expect(moderator.getByTestId('chat-text').filter({ hasText: 'first message from Cathy' })).toBeVisible();
    await expect(chatter.getByTestId('chat-text').filter({ hasText: 'first message from Cathy' })).toBeVisible();
    // The rule before the assertion: a viewer's page renders no moderation at all, not hidden controls.
    await expect(chatter.getByTestId('chat-moderation')).toHaveCount(0);
    await expect(chatter.getByRole('group', { name: 'Moderation' })).toHaveCount(0);
    await expect(chatter.getByRole('button', { name: /^(Delete|Ban|Pin) / })).toHaveCount(0);
    await moderator.screenshot({ path: testInfo.outputPath('moderator-phone.png') });
    await chatter.screenshot({ path: testInfo.outputPath('viewer-phone.png') });
  });

  await test.step("the moderator deletes the message with the keyboard, and it leaves the viewer's page", async () => {
    const remove = moderator.getByRole('button', { name: 'Delete message from Chatty Cathy' });
    await remove.focus();
    await moderator.keyboard.press('Enter');
    await expect(chatter.getByTestId('chat-text').filter({ hasText: 'first message from Cathy' })).toHaveCount(0);
    await expect(moderator.getByTestId('chat-text').filter({ hasText: 'first message from Cathy' })).toHaveCount(0);
  });

  await test.step('the moderator bans the viewer after confirming; the viewer can no longer chat', async () => {
    await send('second message from Cathy');
    await moderator.getByRole('button', { name: 'Ban Chatty Cathy from chat' }).click();
    const dialog = moderator.getByRole('dialog', { name: 'Ban Chatty Cathy from chat?' });
    await dialog.getByRole('button', { name: 'Ban from chat' }).click();
    await expect(chatter.getByTestId('chat-text').filter({ hasText: 'second message from Cathy' })).toHaveCount(0);
    const { rows } = await db.query(
      `SELECT 1 FROM "ShowBan" b JOIN "User" u ON u.id = b."userId" JOIN "User" m ON m.id = b."bannedById"
        WHERE b."showId" = $1 AND u.email = $2 AND m.email = $3`,
      [showId, chatterEmail, moderatorEmail],
    );
    expect(rows).toHaveLength(1);
    await send('third message from Cathy');
    await expect(chatter.getByRole('alert').filter({ hasText: 'You can no longer chat in this show.' })).toBeVisible();
    await expect(moderator.getByTestId('chat-text').filter({ hasText: 'third message from Cathy' })).toHaveCount(0);
  });

  await test.step('the moderator turns on slow mode from the show page and the viewer is told', async () => {
    await moderator.getByLabel('Slow mode').selectOption('10');
    await expect(chatter.getByText('Slow mode: one message every 10 s.')).toBeVisible();
  });

  await moderatorContext.close();
  await chatterContext.close();
});
