import { readFileSync } from 'node:fs';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { currentServer } from './current-server';

export const DEMO_PASSWORD = 'demo-password';

/** Signs a browser context in through next-auth's credentials endpoint (the form itself is not under test here). */
export async function signIn(context: BrowserContext, email: string): Promise<void> {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBe(true);
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);
}

/**
 * Waits for the page itself, not its loading state: while a page streams in,
 * React shows the loading <main aria-busy> and keeps the real one hidden.
 */
export async function pageReady(page: Page): Promise<void> {
  await expect(page.locator('main[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('main')).toBeVisible();
}

export const test = base.extend<{ db: pg.Client }>({
  db: async ({}, use) => {
    const client = new pg.Client({ connectionString: readFileSync(currentServer().databaseUrlFile, 'utf8') });
    await client.connect();
    await use(client);
    await client.end();
  },
});

export { expect };
