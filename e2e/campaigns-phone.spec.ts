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

  await test.step('countries are typed by name, and one that is not a country is named back', async () => {
    const countries = form.getByLabel(/^Countries/);
    await countries.fill('Cambodia, Narnia');
    await form.getByRole('button', { name: 'Count' }).click();
    await expect(form.getByRole('status')).toContainText('“Narnia” is not a country we know');
    await countries.fill('Cambodia, ລາວ');
    await form.getByRole('button', { name: 'Count' }).click();
    await expect(form.getByRole('status')).toContainText(/will get it/);
    await countries.fill('');
  });

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

test('the unsubscribe link of a campaign email works on a phone without signing in, and withdraws marketing consent', async ({
  browser,
  db,
}) => {
  const reader = `e2e_unsub_${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, 'Campaign Reader')`, [reader, `${reader}@example.test`]);
  await db.query(`INSERT INTO "BrandFollow" ("userId", "brandId") SELECT $1, id FROM "Brand" WHERE slug = 'lumen'`, [reader]);
  await db.query(
    `INSERT INTO "ConsentRecord" (id, "userId", purpose, granted, source) VALUES ($1, $2, 'email.marketing', true, 'preferences')`,
    [`${reader}_consent`, reader],
  );
  // A campaign due now, only for this reader's language (Mongolian), sent by the app's own job runner.
  await db.query(`UPDATE "User" SET locale = 'mn' WHERE id = $1`, [reader]);
  const sendAt = new Date(Date.now() - 1000).toISOString();
  await db.query(
    `INSERT INTO "Campaign" (id, "brandId", name, segment, templates, "defaultLocale", status, "sendAt")
     SELECT $1, id, $1, '{"followers": true, "languages": ["mn"]}', '{"mn": {"subject": "Шинэ бараа", "body": "Шинэ цув ирлээ."}}', 'mn', 'SCHEDULED', $2
       FROM "Brand" WHERE slug = 'lumen'`,
    [reader, sendAt],
  );
  await db.query(
    `INSERT INTO "Job" (id, kind, payload, "dedupeKey", "runAt") VALUES ($1, 'campaign.send', $2, $1, now() AT TIME ZONE 'UTC')`,
    [`${reader}_job`, JSON.stringify({ campaignId: reader, sendAt })],
  );
  const emailHtml = async () =>
    (await db.query<{ html: string }>(`SELECT html FROM "EmailMessage" WHERE "to" = $1 AND kind = 'campaign'`, [`${reader}@example.test`]))
      .rows[0]?.html ?? '';
  await expect.poll(emailHtml, { timeout: 30_000 }).toContain('/marketing/unsubscribe?token=');
  const link = new URL(/https?:\/\/[^"]+\/marketing\/unsubscribe\?token=[^"]+/.exec(await emailHtml())![0]);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/^Stop marketing emails to e\*\*\*@example\.test\?/)).toBeVisible();
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: you will get no more marketing emails.');
  const { rows } = await db.query<{ granted: boolean; source: string }>(
    `SELECT granted, source FROM "ConsentRecord" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
    [reader],
  );
  expect(rows).toEqual([{ granted: false, source: 'unsubscribe-link' }]);
  await phone.close();
});
