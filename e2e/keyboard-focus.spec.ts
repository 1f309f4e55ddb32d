import type { Locator, Page } from '@playwright/test';
import { expect, pageReady, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';

/** Presses Tab until `target` has focus (keyboard focus, so :focus-visible applies as it does for a person). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} never received focus from the keyboard`);
}

function luminance([r, g, b]: number[]): number {
  const [lr, lg, lb] = [r!, g!, b!].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The focused element's ring as a person sees it: at least 2 px, drawn outside
 * the element (an offset), in a colour with 3:1 against both white and black,
 * so it shows on the page and on the dark video alike (WCAG 2.4.7 / 2.4.11).
 */
async function expectVisibleRing(target: Locator, name: string): Promise<void> {
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    // Painted on a canvas to read the colour as sRGB whatever notation the style uses (oklch, hex, rgb).
    const context = document.createElement('canvas').getContext('2d')!;
    context.fillStyle = style.outlineColor;
    context.fillRect(0, 0, 1, 1);
    const color = [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    return { style: style.outlineStyle, width: style.outlineWidth, offset: style.outlineOffset, color };
  });
  expect(ring.style, `${name} outline style`).not.toBe('none');
  expect(parseFloat(ring.width), `${name} outline width`).toBeGreaterThanOrEqual(2);
  expect(parseFloat(ring.offset), `${name} outline offset`).toBeGreaterThanOrEqual(2);
  const lum = luminance(ring.color);
  expect(contrast(lum, 1), `${name} ring against white`).toBeGreaterThanOrEqual(3);
  expect(contrast(lum, 0), `${name} ring against black`).toBeGreaterThanOrEqual(3);
}

test('"Skip to content" is the first tab stop on every page, shows when focused, and moves focus into the main content', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'skiplink');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/', '/signin', '/signup', `/shows/${show.showId}`]) {
    await test.step(path, async () => {
      await page.goto(path);
      await pageReady(page);
      const skip = page.getByRole('link', { name: 'Skip to content' });
      // Out of sight until a keyboard user reaches it.
      expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
      await page.keyboard.press('Tab');
      await expect(skip).toBeFocused();
      const box = (await skip.boundingBox())!;
      expect(box.width).toBeGreaterThan(40);
      expect(box.y).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    });
  }
  await context.close();
});

test('inputs and buttons show a 2 px focus ring with an offset that stands out on the white page and on the dark video', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'focusring');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, 'viewer2@demo.live');
  const page = await context.newPage();
  await page.goto(`/shows/${show.showId}`);
  await expect(page.getByRole('button', { name: /^Buy now/ })).toBeVisible();
  // On a phone the bag button and the chat field sit over the dark video.
  for (const [name, target] of [
    ['bag button', page.getByRole('button', { name: /^Bag, / })],
    ['chat field', page.getByRole('textbox', { name: 'Message', exact: true })],
    ['Buy button', page.getByRole('button', { name: /^Buy now/ })],
  ] as const) {
    await tabTo(page, target);
    await expectVisibleRing(target, name);
  }
  await context.close();

  const anonymous = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signin = await anonymous.newPage();
  await signin.goto('/signin');
  await pageReady(signin);
  const email = signin.getByLabel('Email', { exact: true });
  await tabTo(signin, email);
  await expectVisibleRing(email, 'sign-in email field');
  await anonymous.close();
});
