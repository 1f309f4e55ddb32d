import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { BrowserContext } from '@playwright/test';
import { expect, pageReady, test } from './support/fixtures';

/** Signs a context in through next-auth's credentials endpoint with the given password. */
async function signInWith(context: BrowserContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  expect(response.ok()).toBe(true);
}

/** Whether a context's session still opens the account page (signed-out visitors are sent to /signin). */
async function reachesAccount(context: BrowserContext): Promise<boolean> {
  const response = await context.request.get('/account', { maxRedirects: 0 });
  return response.status() === 200;
}

test('an old session cookie stops reaching /account after a password change, while the browser that changed it stays signed in', async ({
  browser,
  db,
}) => {
  const email = `sessions-${Date.now().toString(36)}@test.live`;
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt") VALUES ($1, $2, 'Session Tester', $3, now())`, [
    `e2e_${randomUUID()}`,
    email,
    await hash('first-passphrase'),
  ]);
  const owner = await browser.newContext();
  await signInWith(owner, email, 'first-passphrase');
  expect(await reachesAccount(owner)).toBe(true);

  // A copy of the cookie, as a thief or a forgotten device would hold it.
  const copy = await browser.newContext();
  await copy.addCookies(await owner.cookies());
  expect(await reachesAccount(copy)).toBe(true);

  await test.step('change the password in the account page', async () => {
    const page = await owner.newPage();
    await page.goto('/account');
    await pageReady(page);
    await page.getByLabel('Current password').fill('first-passphrase');
    await page.getByLabel('New password').fill('second-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password is changed.')).toBeVisible();
  });

  expect(await reachesAccount(copy)).toBe(false);
  expect(await reachesAccount(owner)).toBe(true);
  await owner.close();
  await copy.close();
});

test('signing out ends the session the cookie carried, also for a copy of it', async ({ browser, db }) => {
  const email = `signout-${Date.now().toString(36)}@test.live`;
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt") VALUES ($1, $2, 'Sign Out Tester', $3, now())`, [
    `e2e_${randomUUID()}`,
    email,
    await hash('signout-passphrase'),
  ]);
  const context = await browser.newContext();
  await signInWith(context, email, 'signout-passphrase');
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  expect(await reachesAccount(copy)).toBe(true);

  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await context.request.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).ok()).toBe(true);
  expect(await reachesAccount(copy)).toBe(false);
  await context.close();
  await copy.close();
});
