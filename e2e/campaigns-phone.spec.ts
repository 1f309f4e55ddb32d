import { randomUUID } from 'node:crypto';
import { expect, pageReady, signIn, test } from './support/fixtures';

test('on a phone a brand owner counts a segment, writes a campaign with an A/B subject, schedules it and previews it', async ({
  browser,
  db,
}) => {
  // A follower of Lumen who agreed to marketing email, so the count has someone to find.
  const follower = `e2e_campaign_${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, 'Campaign Follower')`, [follower, `${follower}@example.test`]);
  await db.query(`INSERT INTO "BrandFollow" ("userId", "brandId") SELECT $1, id FROM "Brand" WHERE slug = 'lumen'`, [follower]);
  await db.query(
    `INSERT INTO "ConsentRecord" (id, "userId", purpose, granted, source) VALUES ($1, $2, 'email.marketing', true, 'preferences')`,
    [`${follower}_consent`, follower],
  );
  const name = `Winter drop ${follower}`;

  const owner = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(owner, 'brand@demo.live');
  const page = await owner.newPage();
  await page.goto('/dashboard/brands/lumen/campaigns');
  await pageReady(page);
  const form = page.getByRole('form', { name: 'New campaign' });

  await test.step('the segment count says how many will get it', async () => {
    await form.getByLabel('Campaign name').fill(name);
    await form.getByRole('button', { name: 'Count' }).click();
    await expect(form.getByRole('status')).toContainText(/will get it/);
  });

  await test.step('texts, an A/B share and a send time schedule the campaign', async () => {
    await form.getByLabel('Subject (English)', { exact: true }).fill('Winter drop');
    await form.getByLabel('Subject B for the A/B test (optional) (English)').fill('Your winter drop is here');
    await form.getByLabel('Text (links are kept as they are) (English)').fill('New coats are in: https://lumen.example/coats');
    await form.getByLabel('Share of people who get subject B (%)').fill('50');
    await form.getByLabel(/^Send at/).fill('2030-01-15T10:00');
    await form.getByRole('button', { name: 'Save and schedule' }).click();
    const card = page.getByRole('article').filter({ hasText: name });
    await expect(card).toContainText('Scheduled for');
    await expect(card.getByRole('rowheader', { name: /Subject B/ })).toContainText('Your winter drop is here');
    const { rows } = await db.query<{ status: string; splitPercentB: number }>(
      `SELECT status, "splitPercentB" FROM "Campaign" WHERE name = $1`,
      [name],
    );
    expect(rows).toEqual([{ status: 'SCHEDULED', splitPercentB: 50 }]);
  });

  await test.step('the preview shows the email as an English reader gets it, and the page fits the phone', async () => {
    const card = page.getByRole('article').filter({ hasText: name });
    await card.getByRole('link', { name: 'Preview in English' }).click();
    await expect(card.getByLabel('Preview')).toContainText('New coats are in: https://lumen.example/coats');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
  await owner.close();
});
