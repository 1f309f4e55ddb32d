import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, nextEvent, startTestApp, type TestApp } from '../support/app';

// The server runs in this process, so mediasoup's observer sees its real workers.
let t: TestApp;
const showId = DEMO_SHOW_ID;
const workers: types.Worker[] = [];
mediasoup.observer.on('newworker', (worker) => workers.push(worker));

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.stop();
});

describe('a media worker dies during a live show', () => {
  it('tells everyone in the show with media:restarted once a new router is ready, and media works again on the replacement worker', async () => {
    const hostUser = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
    const host = await t.connect(hostUser);
    await joinShow(host, showId);
    await ok(ask(host, 'show:goLive', { showId }));
    const viewer = await t.connect();
    await joinShow(viewer, showId);
    const before = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    const carrying = workers.filter((w) => !w.closed);
    expect(carrying).toHaveLength(1);

    const restartedForViewer = nextEvent(viewer, 'media:restarted');
    const restartedForHost = nextEvent(host, 'media:restarted');
    process.kill(carrying[0]!.pid, 'SIGKILL');
    const [viewerEvent, hostEvent] = await Promise.all([restartedForViewer, restartedForHost]);
    expect(viewerEvent).toMatchObject({ showId });
    expect(hostEvent.seq).toBe(viewerEvent.seq);

    // The old transport died with its worker; a new one lives on the replacement.
    expect(await ask(viewer, 'media:restartIce', { showId, transportId: before.transport.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await ok(ask(host, 'media:createTransport', { showId, direction: 'send' }));
    await ok(ask(viewer, 'media:routerCapabilities', { showId }));
    await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    expect(workers.filter((w) => !w.closed).map((w) => w.pid)).not.toContain(carrying[0]!.pid);
  });
});
