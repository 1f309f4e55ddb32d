import { expect, signIn, test } from './support/fixtures';

// A brand owner switches card payments from the test provider to the brand's Stripe keys on the
// Payments page: the keys are checked for their shape, shown only by their last four, and the
// warning about test payments goes once Stripe is in use. (Stripe itself is not reached here.)
test('an owner finds cards and QR payments on one page, saves Stripe keys, sees only their last four, and switches card payments to Stripe and back', async ({
  browser,
  db,
}) => {
  const owner = await browser.newContext();
  await signIn(owner, 'brand@demo.live');
  const page = await owner.newPage();
  try {
    await page.goto('/dashboard/brands/lumen/payments');
    await expect(page.getByTestId('test-payments-warning')).toBeVisible();
    // Cards and bank QR codes are set on one page (issue 21 item 3).
    await expect(page.getByRole('heading', { level: 2, name: 'QR payments' })).toBeVisible();

    await page.getByLabel('Secret key').fill('not-a-key');
    await page.getByRole('button', { name: 'Save keys' }).click();
    await expect(page.getByText('A secret key starts with sk_live_, sk_test_, rk_live_ or rk_test_.')).toBeVisible();

    await page.getByLabel('Secret key').fill('sk_test_e2eSecret4321');
    await page.getByLabel('Publishable key').fill('pk_test_e2ePublic8765');
    await page.getByLabel('Webhook signing secret').fill('whsec_e2eSigning1357');
    await page.getByRole('button', { name: 'Save keys' }).click();
    await expect(page.getByText('Keys saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Saved, ending in 4321. Leave empty to keep it.')).toBeVisible();
    expect(await page.content()).not.toContain('e2eSecret');

    await page.getByLabel('Stripe (your own account)').check();
    await page.getByRole('button', { name: 'Use for card payments' }).click();
    await expect(page.getByText('Card payments now go through Stripe.')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('card-provider-in-use')).toHaveText('In use: Stripe');
    await expect(page.getByTestId('test-payments-warning')).toHaveCount(0);
    const { rows } = await db.query<{ credentialsSealed: string }>(
      `SELECT "credentialsSealed" FROM "BrandPaymentProvider" WHERE kind = 'STRIPE'`,
    );
    expect(rows[0]!.credentialsSealed).not.toContain('e2eSecret');

    await page.getByLabel('Test payments (no real money)').check();
    await page.getByRole('button', { name: 'Use for card payments' }).click();
    await expect(page.getByText('Card payments now go through Test payments (no real money).')).toBeVisible();
  } finally {
    // Other specs buy from this brand with test cards.
    await db.query(`DELETE FROM "BrandPaymentProvider" WHERE kind = 'STRIPE'`);
    await owner.close();
  }
});

// Stripe Connect payouts (issue 21 item 1): the brand's connected account and switch on the Payments
// page, a host's own account on the host dashboard; ids are checked and shown only by their last four.
test('an owner saves the brand connected account and turns Connect payouts on; a host saves theirs; both are shown masked', async ({
  browser,
  db,
}) => {
  const owner = await browser.newContext();
  const host = await browser.newContext();
  await signIn(owner, 'brand@demo.live');
  await signIn(host, 'host@demo.live');
  try {
    const page = await owner.newPage();
    await page.goto('/dashboard/brands/lumen/payments');
    const form = page.getByRole('form', { name: 'Payouts through Stripe Connect' });
    await form.getByLabel('Connected account id').fill('acct-nope');
    await form.getByRole('checkbox', { name: 'Payouts through Stripe Connect' }).check();
    await form.getByRole('button', { name: 'Save payouts' }).click();
    await expect(form.getByText('A connected account id starts with acct_.')).toBeVisible();
    await form.getByLabel('Connected account id').fill('acct_E2eBrand9876');
    // A submitted form is reset (React form actions), the switch with it.
    await form.getByRole('checkbox', { name: 'Payouts through Stripe Connect' }).check();
    await form.getByRole('button', { name: 'Save payouts' }).click();
    await expect(form.getByText('Payout settings saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('connect-account')).toHaveText('Saved: acct_••••9876');
    await expect(page.getByRole('checkbox', { name: 'Payouts through Stripe Connect' })).toBeChecked();
    expect(await page.content()).not.toContain('E2eBrand');

    const hostPage = await host.newPage();
    await hostPage.goto('/dashboard/host');
    await hostPage.getByLabel('Connected account id').fill('acct_E2eHost5432');
    await hostPage.getByRole('button', { name: 'Save account' }).click();
    await expect(hostPage.getByText('Your connected account is saved.')).toBeVisible();
    await hostPage.reload();
    await expect(hostPage.getByTestId('host-connect-account')).toHaveText('Saved: acct_••••5432');
  } finally {
    await db.query(`UPDATE "Brand" SET "stripeAccountId" = NULL, "stripePayoutsEnabled" = false WHERE slug = 'lumen'`);
    await db.query(`UPDATE "User" SET "stripeAccountId" = NULL WHERE email = 'host@demo.live'`);
    await owner.close();
    await host.close();
  }
});
