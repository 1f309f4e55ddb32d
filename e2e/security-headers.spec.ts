import type { APIResponse, BrowserContext, Page, Response } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';

// Every response carries the security headers, and the pages still work under
// their CSP in real Chromium: no policy violation on the home page, the show
// page, the studio (camera allowed there only) or the sign-in page.

const SHOW_ID = 'demo_show_glow_up';

type Headers = Record<string, string>;

function expectCommonHeaders(headers: Headers, where: string): void {
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy'], where).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options'], where).toBe('DENY');
  // Served over plain http here: HSTS would only be ignored, and is not sent.
  expect(headers['strict-transport-security'], where).toBeUndefined();
}

function expectPageHeaders(headers: Headers, where: string, { studio = false } = {}): void {
  expectCommonHeaders(headers, where);
  const csp = headers['content-security-policy']!;
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp, where).not.toContain('unsafe-eval');
  expect(csp, where).toMatch(/connect-src 'self' ws:\/\/localhost:\d+/);
  expect(headers['permissions-policy'], where).toContain(studio ? 'camera=(self), microphone=(self)' : 'camera=(), microphone=()');
}

/** Records every CSP violation and console error a page reports, from its first script on. */
async function watchViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      ),
    );
  });
  const consoleErrors = new Map<Page, string[]>();
  context.on('page', (page) => {
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
  });
  return async (page) => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...(consoleErrors.get(page) ?? []),
  ];
}

const headersOf = (response: Response | APIResponse | null): Headers => {
  if (!response) throw new Error('no response');
  return response.headers();
};

test('every page type carries the security headers, and Chromium reports no CSP violation on the home, show, sign-in and studio pages', async ({
  browser,
  db,
}) => {
  const viewerContext = await browser.newContext();
  const hostContext = await browser.newContext();
  await signIn(hostContext, 'host@demo.live');
  const viewerViolations = await watchViolations(viewerContext);
  const hostViolations = await watchViolations(hostContext);
  const page = await viewerContext.newPage();

  await test.step('the home page works under its policy', async () => {
    const response = await page.goto('/');
    expectPageHeaders(headersOf(response), 'home');
    await pageReady(page);
    // Hydrated: Next's nonce'd scripts ran and a client-side navigation works. The newest live show
    // comes first: another spec's show (or a copy of the demo show) when specs ran before this one.
    const card = page.getByRole('main').locator('a[href^="/shows/"]').first();
    const href = await card.getAttribute('href');
    await card.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await pageReady(page);
    expect(await viewerViolations(page)).toEqual([]);
  });

  await test.step('the show page loads fresh with its own nonce and no violation', async () => {
    const first = headersOf(await page.goto(`/shows/${SHOW_ID}`));
    expectPageHeaders(first, 'show page');
    await pageReady(page);
    const reload = await page.reload();
    const second = headersOf(reload);
    const nonce = (csp: string | undefined) => csp?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce(second['content-security-policy'])).not.toBe(nonce(first['content-security-policy']));
    // Every script the server wrote (data blocks aside) carries this response's nonce.
    const html = await reload!.text();
    const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce(second['content-security-policy'])}"`);
    await pageReady(page);
    expect(await viewerViolations(page)).toEqual([]);
  });

  await test.step('the sign-in page works under its policy', async () => {
    expectPageHeaders(headersOf(await page.goto('/signin')), 'sign-in');
    await pageReady(page);
    expect(await viewerViolations(page)).toEqual([]);
  });

  await test.step('the studio may use the camera, and its preview plays without a violation', async () => {
    const studio = await hostContext.newPage();
    expectPageHeaders(headersOf(await studio.goto(`/studio/${SHOW_ID}`)), 'studio', { studio: true });
    // Off air or live, whichever the earlier specs left the demo show in.
    await expect(studio.getByTestId('studio-status')).toHaveText(/Off air|Live/);
    await expect
      .poll(() => studio.getByTestId('studio-preview').evaluate((video) => (video as HTMLVideoElement).videoWidth), {
        message: 'camera preview plays',
      })
      .toBeGreaterThan(0);
    expect(await hostViolations(studio)).toEqual([]);
    // Outside the studio the page itself cannot ask for the camera.
    await studio.goto('/');
    const denied = await studio.evaluate(() =>
      (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy?.allowsFeature('camera'),
    );
    expect(denied).toBe(false);
  });

  await test.step('the local mailbox shows an email in its sandboxed frame without a violation', async () => {
    const id = `sec_headers_${Date.now().toString(36)}`;
    await db.query(
      `INSERT INTO "EmailMessage" (id, "dedupeKey", "to", subject, text, html, kind, transport, status, "sentAt") VALUES ($1, $1, 'sam@example.test', 'Styled mail', 'Hi', $2, 'test', 'outbox', 'SENT', now())`,
      [id, '<style>p { color: #333 }</style><p style="font-weight:bold">Hi Sam</p><a href="https://example.com">a link</a>'],
    );
    expectPageHeaders(headersOf(await page.goto(`/mailbox/${id}`)), 'mailbox');
    await expect(page.frameLocator('iframe').getByText('Hi Sam')).toBeVisible();
    expect(await viewerViolations(page)).toEqual([]);
  });

  await test.step('API answers, uploads, static files and 404s carry the headers too', async () => {
    const api = await viewerContext.request.get('/api/health');
    expectCommonHeaders(headersOf(api), 'api');
    const upload = await viewerContext.request.get('/uploads/products/missing.webp');
    expectCommonHeaders(headersOf(upload), 'upload');
    expect(headersOf(upload)['content-security-policy']).toContain('sandbox');
    expectCommonHeaders(headersOf(await viewerContext.request.get('/demo/covers/glow-up.jpg')), 'static file');
    expectCommonHeaders(headersOf(await viewerContext.request.get('/no-such-page')), 'not found');
  });

  await viewerContext.close();
  await hostContext.close();
});
