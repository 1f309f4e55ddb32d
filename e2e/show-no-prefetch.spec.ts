import { expect, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

test('a viewer arriving at a live show makes the server render no other page meanwhile: the header prefetches nothing', async ({
  browser,
  db,
}) => {
  const { showId } = await startOwnLiveShow(db, 'noprefetch');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await context.newPage();
  // Router prefetches are RSC requests for other pages; each would be rendered while the server answers this viewer's media.
  const prefetched: string[] = [];
  viewer.on('request', (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('_rsc') && url.pathname !== `/shows/${showId}`) prefetched.push(url.pathname);
  });
  await viewer.goto(`/shows/${showId}`);
  // Hydrated and joined: the links are in view and the router has had its chance to prefetch them.
  await expect(viewer.getByTestId('viewer-count')).toHaveText(/[1-9]/);
  await expect(viewer.getByRole('link', { name: /sign in/i }).first()).toBeVisible();
  await viewer.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);
  await context.close();
});
