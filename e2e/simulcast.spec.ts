import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startRtmpServer, type RtmpServer } from '../test/support/rtmp-server';
import { expect, signIn, test } from './support/fixtures';
import { startOwnLiveShow } from './support/own-show';
import { goLiveAndPublish } from './support/studio';

// The host adds an RTMP destination from the studio on a phone, goes live with Chromium's fake
// camera, sees the destination say "Live", and Debian's nginx-rtmp really records the picture.

const run = promisify(execFile);
const PHONE = { width: 390, height: 844 };
let dir: string;
let rtmp: RtmpServer;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-e2e-simulcast-'));
  rtmp = await startRtmpServer(dir);
});

test.afterAll(async () => {
  await rtmp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function videoFrames(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file],
  ]).catch(() => ({ stdout: '0' }));
  return Number(stdout.trim()) || 0;
}

test('a destination added in the studio on a phone shows Live while the local RTMP server receives the picture, and never shows the key again', async ({
  browser,
  db,
}) => {
  const show = await startOwnLiveShow(db, 'simulcast');
  const streamKey = `e2e-key-${show.showId.slice(-4)}Wz9q`;
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await signIn(context, 'host@demo.live');
  const studio = await context.newPage();
  const panel = studio.getByTestId('studio-simulcast');

  await test.step('go live with the fake camera', async () => {
    await goLiveAndPublish(studio, show.showId);
  });

  await test.step('add the local RTMP server as a destination', async () => {
    await panel.getByLabel('Platform').selectOption({ label: 'Other RTMP server' });
    await panel.getByLabel('Server URL').fill(rtmp.ingestUrl);
    await panel.getByLabel('Stream key').fill(streamKey);
    await panel.getByRole('button', { name: 'Add destination' }).click();
    const destination = panel.getByTestId('simulcast-destination');
    await expect(destination).toContainText(`Key ending ${streamKey.slice(-4)}`);
    await expect(panel.getByLabel('Stream key')).toHaveValue('');
  });

  await test.step('it says Live, and the RTMP server records frames', async () => {
    await expect(panel.getByTestId('simulcast-destination').getByRole('status')).toHaveText('Live', { timeout: 60_000 });
    await expect.poll(() => videoFrames(rtmp.recording(streamKey)), { timeout: 30_000 }).toBeGreaterThan(10);
  });

  await test.step('the key is nowhere in the page, and the panel fits the phone', async () => {
    expect(await studio.content()).not.toContain(streamKey);
    const box = await panel.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await studio.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  await test.step('removing it stops the push and deletes it', async () => {
    await panel.getByRole('button', { name: 'Remove Other RTMP server' }).click();
    await expect(panel.getByTestId('simulcast-destination')).toHaveCount(0);
    const { rows } = await db.query('SELECT 1 FROM "SimulcastDestination" WHERE "showId" = $1', [show.showId]);
    expect(rows).toHaveLength(0);
  });
  await context.close();
});
