import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * The colour a person sees behind the point, as sRGB channels: the first
 * ancestor with a background that is not transparent, painted on a canvas
 * (Tailwind's colours are oklch(), which the canvas turns into sRGB).
 */
function backgroundAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      let colour = getComputedStyle(document.documentElement).backgroundColor;
      for (let el = document.elementFromPoint(px!, py!); el; el = el.parentElement) {
        const own = getComputedStyle(el).backgroundColor;
        if (own !== 'rgba(0, 0, 0, 0)' && own !== 'transparent') {
          colour = own;
          break;
        }
      }
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    },
    [x, y],
  );
}

/**
 * How many pixels of the element's picture stand out (3:1 or more in
 * luminance) from the same pixels with the element's icon hidden: a glyph
 * drawn black on the dark video counts none.
 */
async function standingOutPixels(page: Page, button: Locator): Promise<number> {
  const withIcon = (await button.screenshot()).toString('base64');
  await button.evaluate((el) => el.querySelectorAll(':scope > *').forEach((c) => ((c as HTMLElement).style.visibility = 'hidden')));
  const without = (await button.screenshot()).toString('base64');
  await button.evaluate((el) => el.querySelectorAll(':scope > *').forEach((c) => ((c as HTMLElement).style.visibility = '')));
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const lum = (d: Uint8ClampedArray, i: number) =>
        [0, 1, 2]
          .map((k) => {
            const v = d[i + k]! / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          })
          .reduce((sum, v, k) => sum + v * [0.2126, 0.7152, 0.0722][k]!, 0);
      const [p, q] = await Promise.all([pixels(a!), pixels(b!)]);
      let count = 0;
      for (let i = 0; i < p.length; i += 4) {
        const [x, y] = [lum(p, i), lum(q, i)];
        if ((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) >= 3) count++;
      }
      return count;
    },
    [withIcon, without],
  );
}

test('on a phone the live show fills the screen to its bottom edge: the dark page reaches the last pixel, with no white band', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'phonefill');
  const context = await browser.newContext(PHONE);
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  await expect(page.getByRole('button', { name: /^Buy now/ })).toBeVisible();
  // Along the left edge, beside the overlays (they are inset 12 px): what shows there is the page itself.
  for (const y of [843, 800, 760]) {
    const [r, g, b] = await backgroundAt(page, 4, y);
    expect(Math.max(r!, g!, b!), `background at y=${y}`).toBeLessThan(60);
  }
  // The player is exactly one screen: nothing to scroll past it.
  const player = (await page.locator('main > div').first().boundingBox())!;
  expect(player.y + player.height).toBeGreaterThanOrEqual(844 - 1);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(844 + 1);
  await context.close();
});

test('every reaction button on the dark show page draws an icon that stands out from the video behind it, and has its own name', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'reactionicons');
  const context = await browser.newContext(PHONE);
  await signIn(context, 'viewer@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  const group = page.locator('[data-overlay="reactions"]').getByRole('group', { name: 'Reactions' });
  await expect(group).toBeVisible();
  // Hydrated and joined (the count comes over the show channel, which connects after hydration): until then React
  // may still replace the server's buttons with its own, and a screenshot of a replaced button fails.
  await expect(page.getByTestId('viewer-count')).toHaveText(/[1-9]/);
  const names = ['Send a heart', 'Send fire', 'Send applause', 'Send a laugh', 'Send a wow'];
  await expect(group.getByRole('button')).toHaveCount(names.length);
  for (const name of names) {
    const button = group.getByRole('button', { name, exact: true });
    expect(await standingOutPixels(page, button), name).toBeGreaterThanOrEqual(30);
  }
  await context.close();
});
