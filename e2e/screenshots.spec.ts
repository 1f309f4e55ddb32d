import path from 'node:path';
import { expect, signIn, test } from './support/fixtures';

// Screenshots of the main pages on a phone and a desktop for docs/screenshots (shown in
// the README). Runs last: the demo show is live with a product pinned by then.
const SHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

test('screenshots of the home, sign-in, viewer and studio pages', async ({ browser, db }) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Show" WHERE id = 'demo_show_glow_up'`);
  const showId = rows[0]!.id;
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const viewer = await browser.newContext({ viewport, isMobile: name === 'phone', hasTouch: name === 'phone' });
    const host = await browser.newContext({ viewport: VIEWPORTS.desktop });
    await Promise.all([signIn(viewer, 'viewer@demo.live'), signIn(host, 'host@demo.live')]);
    const studio = await host.newPage();
    await studio.goto(`/studio/${showId}`);
    await expect(studio.getByRole('heading', { name: 'Lineup' })).toBeVisible();
    const page = await viewer.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Live now' })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `home-${name}.png`) });
    await page.goto(`/shows/${showId}`);
    await expect(page.getByRole('log', { name: 'Chat messages' })).toBeVisible();
    await expect.poll(() => page.getByTestId('live-video').evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `viewer-${name}.png`) });
    if (name === 'desktop') await studio.screenshot({ path: path.join(SHOTS, 'studio-desktop.png') });
    await Promise.all([viewer.close(), host.close()]);
  }
  const anonymous = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true });
  const signin = await anonymous.newPage();
  await signin.goto('/signin');
  await signin.screenshot({ path: path.join(SHOTS, 'signin-phone.png') });
  await anonymous.close();
});
