import { expect, test } from './support/fixtures';
import { LOCALE_COOKIE } from '../app/_i18n/locales';
import { MESSAGES } from '../app/_i18n/messages';
import { createTranslator } from '../app/_i18n/standalone';

test('sign-up keeps the name and email after a refusal, checks the fields in the browser first, and leaves marketing consent unticked', async ({
  page,
  db,
}) => {
  const email = `keep-${Date.now().toString(36)}@test.live`;
  await page.goto('/signup');
  const name = page.getByLabel('Your name');
  const emailField = page.getByLabel('Email', { exact: true });
  const password = page.getByLabel('Password', { exact: true });

  await test.step('consent is asked, never assumed', async () => {
    await expect(page.getByRole('checkbox')).not.toBeChecked();
  });

  await test.step('the browser names what is missing or wrong before anything is sent', async () => {
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter your name.')).toBeVisible();
    await name.fill('Bolor Bat');
    await emailField.fill('not-an-email');
    await password.fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter an email address, like name@example.com.')).toBeVisible();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await expect(emailField).toBeFocused();
  });

  await test.step('a refusal from the server leaves what was typed in place', async () => {
    await emailField.fill(email);
    // Past the server's 200-character limit, which the browser does not check: the server refuses.
    await password.fill('p'.repeat(201));
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at most 200 characters.')).toBeVisible();
    await expect(name).toHaveValue('Bolor Bat');
    await expect(emailField).toHaveValue(email);
  });

  await test.step('fixed, the account is created without consent to marketing email', async () => {
    await password.fill('a-long-passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    const account = async () =>
      (
        await db.query(
          `SELECT u.name, p."emailReminders" FROM "User" u LEFT JOIN "NotificationPreference" p ON p."userId" = u.id WHERE u.email = $1`,
          [email],
        )
      ).rows;
    await expect.poll(account).toEqual([{ name: 'Bolor Bat', emailReminders: false }]);
  });
});

test('in Khmer, signing up with an email that already has an account reads the refusal in Khmer, not the server’s English', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: LOCALE_COOKIE, value: 'km', domain: 'localhost', path: '/' }]);
  const page = await context.newPage();
  const km = createTranslator('km', MESSAGES.km);
  await page.goto('/signup');
  await page.getByLabel(km('auth.signUp.name')).fill('Sok Dara');
  await page.getByLabel(km('auth.signUp.email'), { exact: true }).fill('viewer2@demo.live');
  await page.getByLabel(km('auth.signUp.password'), { exact: true }).fill('a-long-passphrase');
  await page.getByRole('button', { name: km('auth.signUp.submit') }).click();
  // The action answers { code: 'INVALID_INPUT', reason: 'EMAIL_TAKEN' }; the page says it in the reader's language.
  await expect(page.getByText(km('errors.EMAIL_TAKEN'))).toBeVisible();
  await expect(page.getByText(MESSAGES.en.errors.EMAIL_TAKEN)).toHaveCount(0);
  await context.close();
});
