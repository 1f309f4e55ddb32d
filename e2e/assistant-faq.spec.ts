import { expect, pageReady, signIn, test } from './support/fixtures';

// The brand teaches the shop assistant on a phone: a returns policy in English and Khmer, and a FAQ
// entry with two ways of asking. Both land in the database per language, as the assistant reads them.
test('a brand writes its returns policy and a FAQ entry in two languages from a phone', async ({ browser, db }) => {
  const brand = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(brand, 'brand@demo.live');
  const page = await brand.newPage();
  await page.goto('/dashboard/brands/lumen/assistant');
  await pageReady(page);
  await expect(page.getByRole('heading', { name: 'Shop assistant' })).toBeVisible();

  await test.step('returns policy in English and Khmer', async () => {
    const form = page.getByRole('form', { name: 'Policies' });
    await form.getByRole('textbox', { name: 'Returns · English' }).fill('Unopened items within 7 days.');
    await form.getByText('ខ្មែរ', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Returns · ខ្មែរ' }).fill('ទំនិញមិនទាន់បើក ក្នុងរយៈពេល ៧ ថ្ងៃ។');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
    const { rows } = await db.query<{ returns: Record<string, string> }>(
      `SELECT p.returns FROM "BrandAssistantPolicy" p JOIN "Brand" b ON b.id = p."brandId" WHERE b.slug = 'lumen'`,
    );
    expect(rows[0]?.returns).toEqual({ en: 'Unopened items within 7 days.', km: 'ទំនិញមិនទាន់បើក ក្នុងរយៈពេល ៧ ថ្ងៃ។' });
  });

  await test.step('a FAQ entry with two ways of asking', async () => {
    const form = page.getByRole('form', { name: 'Question and answer' }).last();
    await form.getByRole('textbox', { name: 'Ways to ask · English' }).fill('is it safe in pregnancy\ncan i use it while pregnant');
    await form.getByRole('textbox', { name: 'Answer · English' }).fill('Yes, every Lumen product is pregnancy-safe.');
    await form.getByRole('button', { name: 'Save' }).click();
    // Saved, the entry joins the list above a fresh, empty form for the next one.
    await expect(page.getByRole('form', { name: 'Question and answer' })).toHaveCount(2);
    await expect(
      page.getByRole('form', { name: 'Question and answer' }).last().getByRole('textbox', { name: 'Answer · English' }),
    ).toHaveValue('');
    const { rows } = await db.query<{ questions: Record<string, string[]>; answers: Record<string, string> }>(
      `SELECT f.questions, f.answers FROM "BrandFaq" f JOIN "Brand" b ON b.id = f."brandId" WHERE b.slug = 'lumen'`,
    );
    expect(rows).toEqual([
      {
        questions: { en: ['is it safe in pregnancy', 'can i use it while pregnant'] },
        answers: { en: 'Yes, every Lumen product is pregnancy-safe.' },
      },
    ]);
  });
  await brand.close();
});
