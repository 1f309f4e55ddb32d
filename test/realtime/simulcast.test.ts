import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../deploy/local/process';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';
import { startRtmpServer, type RtmpServer } from '../support/rtmp-server';
import { vp8Ingest, type VideoIngest } from '../support/video-ingest';

// The whole path of RTMP out with real parts: the host's destinations over the socket, a VP8
// producer in the show's mediasoup router, ffmpeg pushing H.264/AAC to Debian's nginx-rtmp,
// and ffprobe reading what nginx recorded.

const run = promisify(execFile);
const showId = DEMO_SHOW_ID;
const STREAM_KEY = 'live-test-key-7Q2x';
let t: TestApp;
let dir: string;
let rtmp: RtmpServer;
let ingest: VideoIngest | undefined;
let host: TestSocket;
let destinationId: string;

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

const stateOf = (state: string) =>
  nextEvent(host, 'simulcast:state', (e) => e.showId === showId && e.destinationId === destinationId && e.state === state);

/** Video frames (and their codec) in what the ingest recorded so far. */
async function recordedVideo(file: string): Promise<{ codec: string; frames: number; width: number; height: number }> {
  const { stdout } = await run('ffprobe', [
    ...[
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=codec_name,nb_read_frames,width,height',
      '-of',
      'json',
      file,
    ],
  ]);
  type Stream = { codec_name: string; nb_read_frames: string; width: number; height: number };
  const stream = (JSON.parse(stdout) as { streams: Stream[] }).streams[0];
  return {
    codec: stream?.codec_name ?? '',
    frames: Number(stream?.nb_read_frames ?? 0),
    width: stream?.width ?? 0,
    height: stream?.height ?? 0,
  };
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-simulcast-'));
  rtmp = await startRtmpServer(dir);
  t = await startTestApp();
  const hostUser = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  host = await t.connect(hostUser);
  await joinShow(host, showId);
});

afterAll(async () => {
  await ingest?.stop();
  await t?.stop();
  await rtmp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('simulcast to an RTMP ingest (Debian nginx with its RTMP module)', () => {
  it('keeps the stream key from the browser: the studio gets its last four characters only', async () => {
    const added = await ok(ask(host, 'simulcast:add', { showId, platform: 'custom', ingestUrl: rtmp.ingestUrl, streamKey: STREAM_KEY }));
    destinationId = added.destination.id;
    expect(added.destination).toMatchObject({ ingestUrl: rtmp.ingestUrl, keyLast4: '7Q2x', enabled: true, state: 'idle' });
    const listed = await ok(ask(host, 'simulcast:list', { showId }));
    expect(JSON.stringify([added, listed])).not.toContain(STREAM_KEY);
    const row = await t.app.db.simulcastDestination.findUniqueOrThrow({ where: { id: destinationId } });
    expect(row.streamKeySealed).not.toContain(STREAM_KEY);
  });

  it('pushes the live show: the destination goes connecting → live and the ingest records H.264 video frames at 1280×720', async () => {
    const connecting = stateOf('connecting');
    const live = stateOf('live');
    await ok(ask(host, 'show:goLive', { showId }));
    await connecting;
    const room = await t.app.media.room(showId);
    ingest = await vp8Ingest(room.originRouter);
    room.publish('test-host', ingest.producer);
    expect(await live).toMatchObject({ error: null });
    const file = rtmp.recording(STREAM_KEY);
    await waitFor('video frames at the ingest', async () => (await recordedVideo(file)).frames >= 30);
    // 1280×720 whatever the host sends (640×360 here): the size a platform sees does not follow the host's layer.
    expect(await recordedVideo(file)).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
  });

  it('says failed when nothing listens at a destination, naming the reason without its stream key, while the others stay live', async () => {
    const closedPort = await freePort();
    const key = 'no-server-key-4Fq8';
    const failed = nextEvent(
      host,
      'simulcast:state',
      (e) => e.showId === showId && e.destinationId !== destinationId && e.state === 'failed',
    );
    const added = await ok(
      ask(host, 'simulcast:add', { showId, platform: 'youtube', ingestUrl: `rtmp://127.0.0.1:${closedPort}/live2`, streamKey: key }),
    );
    const failure = await failed;
    expect(failure.destinationId).toBe(added.destination.id);
    expect(failure.error).toMatch(/refused/i);
    expect(failure.error).not.toContain(key);
    const listed = await ok(ask(host, 'simulcast:list', { showId }));
    expect(listed.destinations.find((d) => d.id === destinationId)?.state).toBe('live');
    expect(listed.destinations.find((d) => d.id === added.destination.id)?.state).toBe('failed');
    const idle = nextEvent(host, 'simulcast:state', (e) => e.destinationId === added.destination.id && e.state === 'idle');
    await ok(ask(host, 'simulcast:remove', { showId, destinationId: added.destination.id }));
    await idle;
  });

  it('says failed with the reason when the ingest drops, and is live again by itself once it is back', async () => {
    const failed = stateOf('failed');
    await rtmp.stop();
    const failure = await failed;
    expect(failure.error).toBeTruthy();
    expect(failure.error).not.toContain(STREAM_KEY);
    expect(Date.parse(failure.retryAt ?? '')).toBeGreaterThan(Date.now() - 1000);
    const liveAgain = stateOf('live');
    const file = rtmp.recording(STREAM_KEY);
    rmSync(file, { force: true });
    await rtmp.start();
    await liveAgain;
    await waitFor('video frames at the ingest again', async () => (await recordedVideo(file)).frames > 0);
  });

  it('stops pushing when the show ends: the destination goes idle and the ingest gets nothing more', async () => {
    const idle = stateOf('idle');
    await ok(ask(host, 'show:end', { showId }));
    await idle;
    const file = rtmp.recording(STREAM_KEY);
    // nginx finishes the recording once the publisher is gone; it grows no more.
    await waitFor('the recording to settle', async () => {
      const before = statSync(file).size;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return statSync(file).size === before;
    });
  });
});

describe('a deployment (SIMULCAST_ALLOW_PRIVATE_TARGETS=false, the default there)', () => {
  it('refuses to push to an ingest at a private address: the destination says failed, naming the address', async () => {
    const deployed = await startTestApp({ SIMULCAST_ALLOW_PRIVATE_TARGETS: 'false' });
    try {
      const hostUser = await deployed.app.db.user.findUniqueOrThrow({
        where: { email: 'host@demo.live' },
        select: { id: true, name: true },
      });
      const deployedHost = await deployed.connect(hostUser);
      await joinShow(deployedHost, showId);
      await ok(ask(deployedHost, 'show:goLive', { showId }));
      const failed = nextEvent(deployedHost, 'simulcast:state', (e) => e.showId === showId && e.state === 'failed');
      await ok(ask(deployedHost, 'simulcast:add', { showId, platform: 'custom', ingestUrl: rtmp.ingestUrl, streamKey: 'lan-key-8Hd2' }));
      expect((await failed).error).toMatch(/private address \(127\.0\.0\.1\)/);
    } finally {
      await deployed.stop();
    }
  });
});
