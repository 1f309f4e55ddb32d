import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens the show's studio, goes live if it is still off air, and waits until the camera is publishing. */
export async function goLiveAndPublish(studio: Page, showId: string): Promise<void> {
  await studio.goto(`/studio/${showId}`);
  const status = studio.getByTestId('studio-status');
  await expect(status).toHaveText(/Off air|Live/);
  if ((await status.textContent()) === 'Off air') {
    await studio.getByRole('button', { name: 'Go live' }).click();
    await studio.getByRole('dialog', { name: 'Go live now?' }).getByRole('button', { name: 'Start the show' }).click();
    await expect(status).toHaveText('Live');
  }
  await expect(studio.getByTestId('studio-media-state')).toHaveAttribute('data-state', 'publishing', { timeout: 30_000 });
}
