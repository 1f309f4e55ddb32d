import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hash } from '@node-rs/argon2';
import { expect, pageReady, test } from './support/fixtures';

test('on a phone a person downloads their data as JSON, deletes the account with their password, and can no longer sign in', async ({
  browser,
  db,
}) => {
  const tag = randomUUID().slice(0, 8);
  const email = `privacy-${tag}@test.live`;
  const name = `Dara ${tag}`;
  const password = 'privacy-passphrase';
  const userId = `e2e_${randomUUID()}`;
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt") VALUES ($1, $2, $3, $4, now())`, [
    userId,
    email,
    name,
    await hash(password),
  ]);
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") VALUES ($1, $2, $3, $4, 'Phnom Penh', 'KH', true)`,
    [`e2e_addr_${tag}`, userId, name, `12 Street ${tag}`],
  );

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const signIn = async () => {
    const { csrfToken } = (await (await phone.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await phone.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
    return (await phone.request.get('/account', { maxRedirects: 0 })).status() === 200;
  };
  expect(await signIn()).toBe(true);
  const page = await phone.newPage();
  await page.goto('/account');
  await pageReady(page);

  await test.step('the download is one JSON file with the profile and the saved address', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data (JSON)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data).toMatchObject({ schemaVersion: 1, account: { email, name, hasPassword: true } });
    expect(data.addresses).toEqual([expect.objectContaining({ line1: `12 Street ${tag}`, country: 'KH' })]);
  });

  await test.step('a wrong password deletes nothing; the right one deletes the account and signs out', async () => {
    const section = page.getByRole('region', { name: 'Delete your account' });
    await section.getByLabel(`Type ${email} to confirm`).fill(email);
    await section.getByLabel('Your password', { exact: true }).fill('not-the-passphrase');
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await expect(section.getByText('Your current password is not right.')).toBeVisible();
    expect((await db.query(`SELECT "deletedAt" FROM "User" WHERE id = $1`, [userId])).rows[0].deletedAt).toBeNull();

    // A submitted form is reset (React form actions), so both fields are typed again.
    await section.getByLabel(`Type ${email} to confirm`).fill(email);
    await section.getByLabel('Your password', { exact: true }).fill(password);
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step('the database holds neither the name nor the address, and signing in is refused', async () => {
    const { rows } = await db.query(`SELECT email, name, "deletedAt" FROM "User" WHERE id = $1`, [userId]);
    expect(rows[0]).toMatchObject({ name: 'Deleted account', deletedAt: expect.any(Date) });
    expect(rows[0].email).not.toContain(tag);
    expect((await db.query(`SELECT count(*)::int AS n FROM "Address" WHERE "userId" = $1`, [userId])).rows[0].n).toBe(0);
    await phone.clearCookies();
    expect(await signIn()).toBe(false);
  });
  await phone.close();
});
