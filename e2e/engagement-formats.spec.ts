import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';
import { screenshotPath } from './support/screenshots';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Serious and critical WCAG A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a host runs a poll, Q&A and a giveaway; a viewer on a phone votes, asks, sees "answering now", enters, wins and gets a zero-price order', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'engage');
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const phoneContext = await browser.newContext(PHONE);
  await Promise.all([signIn(hostContext, 'host@demo.live'), signIn(phoneContext, 'viewer@demo.live')]);
  const studio = await hostContext.newPage();
  const phone = await phoneContext.newPage();
  await studio.goto(`/studio/${show.showId}`);
  await phone.goto(`/shows/${show.showId}`);
  const controls = studio.getByTestId('engage-studio');
  await expect(controls.getByRole('button', { name: 'Start the poll' })).toBeVisible();

  await test.step('the host opens a poll and the phone votes once; both see the live result', async () => {
    await controls.getByLabel('Question', { exact: true }).fill('Which shade next?');
    await controls.getByLabel('Answer 1').fill('Warm');
    await controls.getByLabel('Answer 2').fill('Cool');
    await controls.getByRole('button', { name: 'Start the poll' }).click();
    await phone.getByRole('button', { name: 'Vote for Cool' }).click();
    await expect(phone.getByTestId('poll-card')).toContainText('Cool: 100% (1 vote)');
    await expect(studio.getByTestId('studio-poll')).toContainText('1 vote');
    await controls.getByRole('button', { name: 'Close the poll' }).click();
    await expect(phone.getByTestId('poll-card')).toContainText('Final results');
  });

  await test.step('the phone asks a question apart from chat and upvotes it; the host answers it and the phone sees "answering now"', async () => {
    await phone.getByRole('button', { name: /Questions/ }).click();
    const sheet = phone.getByRole('dialog', { name: 'Questions for the host' });
    await sheet.getByRole('textbox', { name: 'Your question' }).fill('Is the cream good for dry skin?');
    await sheet.getByRole('button', { name: 'Ask' }).click();
    const upvote = sheet.getByRole('button', { name: 'Upvote the question “Is the cream good for dry skin?”' });
    await upvote.click();
    await expect(upvote).toHaveAttribute('aria-pressed', 'true');
    await expect(upvote).toContainText('Upvote: 1');
    await phone.screenshot({ path: screenshotPath('engage-phone-questions.png') });
    await sheet.getByRole('button', { name: 'Close' }).click();
    const question = controls.getByTestId('studio-question').filter({ hasText: 'Is the cream good for dry skin?' });
    await expect(question).toContainText('▲ 1');
    await question.getByRole('button', { name: 'Answer now' }).click();
    await expect(phone.getByTestId('answering-now')).toContainText('Is the cream good for dry skin?');
  });

  const giveawayId = await test.step('the host starts a giveaway of a lineup product; the phone enters with a tap', async () => {
    await controls.getByLabel('Prize from the lineup').selectOption(show.variantId);
    await controls.getByLabel('Entries open for (seconds)').fill('120');
    await controls.getByRole('button', { name: 'Start the giveaway' }).click();
    await phone.getByRole('button', { name: 'Enter the giveaway' }).click();
    await expect(phone.getByTestId('giveaway-card')).toContainText('You’re in!');
    await expect(studio.getByTestId('studio-giveaway-entries')).toHaveText('1 entry');
    await phone.screenshot({ path: screenshotPath('engage-phone-cards.png') });
    // The cards, the overlay and the studio's controls as people meet them: no serious accessibility violation.
    expect(await seriousViolations(phone), 'phone').toEqual([]);
    expect(await seriousViolations(studio), 'studio').toEqual([]);
    const {
      rows: [row],
    } = await db.query<{ id: string }>(`SELECT id FROM "Giveaway" WHERE "showId" = $1`, [show.showId]);
    return row!.id;
  });

  await test.step('the host draws: the phone has won, and its zero-price order of the prize is in the database', async () => {
    await controls.getByRole('button', { name: 'Draw the winners' }).click();
    await expect(phone.getByTestId('giveaway-card')).toContainText('You won!');
    await expect(phone.getByTestId('giveaway-card')).toContainText('Your prize is on its way');
    const { rows } = await db.query<{ totalMinor: number; status: string; source: string; variantId: string; unitPriceMinor: number }>(
      `SELECT o."totalMinor", o.status, o.source, i."variantId", i."unitPriceMinor"
         FROM "GiveawayWinner" w JOIN "Order" o ON o.id = w."orderId" JOIN "OrderItem" i ON i."orderId" = o.id JOIN "User" u ON u.id = o."buyerId"
        WHERE w."giveawayId" = $1 AND u.email = 'viewer@demo.live'`,
      [giveawayId],
    );
    expect(rows).toEqual([{ totalMinor: 0, status: 'PAID', source: 'GIVEAWAY', variantId: show.variantId, unitPriceMinor: 0 }]);
    await phone.screenshot({ path: screenshotPath('engage-phone-won.png') });
  });

  await test.step('anyone re-runs the draw on the public page; another seed is shown as a mismatch', async () => {
    const verify = await browser.newPage(PHONE);
    await verify.goto(`/giveaways/${giveawayId}/verify`);
    const result = verify.getByTestId('verify-result');
    await expect(result).toContainText('The seed matches the commitment.');
    await expect(result).toContainText('The same winners follow from the seed and the entries.');
    await verify.screenshot({ path: screenshotPath('engage-verify.png'), fullPage: true });
    await verify.getByLabel('Seed revealed at the draw').fill('00'.repeat(32));
    await verify.getByRole('button', { name: 'Re-compute in my browser' }).click();
    await expect(result).toContainText('The seed does NOT match the commitment.');
    await verify.close();
  });

  await hostContext.close();
  await phoneContext.close();
});
