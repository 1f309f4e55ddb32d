import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/api/shows/[showId]/hls/[file]/route';
import { seedDemoData, type DemoSeed } from '../../server/db/seed';
import { deleteRecording, finishRecording, openRecording } from '../../server/domain/recordings';
import { demoActors, expectAppError, type DemoActors } from '../../server/domain/test-actors';
import { registerServices, type AppServices } from '../../server/services';
import { LocalDiskStore } from '../../server/storage/local-disk-store';
import { startTestDatabase, type TestDatabase } from '../support/database';

describe('GET /api/shows/<showId>/hls/<file>', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  let dataDir: string;
  let store: LocalDiskStore;
  const db = () => database.prisma;

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hls-route-'));
    store = new LocalDiskStore(dataDir);
    // The route reads only the database and the object store from the services.
    registerServices({ db: database.prisma, storage: store } as unknown as AppServices);
  });
  afterAll(async () => {
    registerServices(undefined);
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (showId: string, file: string) =>
    GET(new Request(`http://localhost/api/shows/${showId}/hls/${file}`), { params: Promise.resolve({ showId, file }) });
  const write = (key: string, text: string, type: string) => store.write(key, new TextEncoder().encode(text), type, { cacheControl: 'x' });

  it('serves a live playlist briefly cacheable and segments immutable; the final playlist longer; a deleted recording answers 404', async () => {
    const showId = seed.showId;
    await db().show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date() } });
    const recording = (await openRecording(db(), showId))!;
    await write(`${recording.storagePrefix}index.m3u8`, '#EXTM3U\n#EXTINF:2.000,\ns1-00000.ts\n', 'application/vnd.apple.mpegurl');
    await write(`${recording.storagePrefix}s1-00000.ts`, 'TS', 'video/mp2t');

    const live = await get(showId, 'index.m3u8');
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(live.headers.get('cache-control')).toMatch(/max-age=1\b/);
    expect(await live.text()).toContain('s1-00000.ts');
    const segment = await get(showId, 's1-00000.ts');
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // Only the playlist and segment names are served: nothing else under the prefix, no traversal.
    for (const file of ['input.sdp', '..%2Fsecret.ts', 's1-00000.ts.tmp', 'list.csv'])
      expect((await get(showId, file)).status, file).toBe(404);
    // A recording being written cannot be deleted: the recorder would write into it again.
    await db().show.update({ where: { id: showId }, data: { status: 'ENDED', endedAt: new Date() } });
    await expectAppError(deleteRecording(db(), store, actors.lumenOwner, recording.id), 'INVALID_STATE');

    expect(await finishRecording(db(), recording.id, { segmentCount: 1, bytes: 2, durationMs: 2000 })).toBe('READY');
    const final = await get(showId, 'index.m3u8');
    expect(final.headers.get('cache-control')).toBe('public, max-age=60');

    // Another brand may not delete it (nor learn that it exists).
    await expectAppError(deleteRecording(db(), store, actors.koraOwner, recording.id), 'NOT_FOUND');
    await deleteRecording(db(), store, actors.lumenOwner, recording.id);
    expect((await get(showId, 'index.m3u8')).status).toBe(404);
    expect((await get(showId, 's1-00000.ts')).status).toBe(404);
    expect(await store.list(recording.storagePrefix)).toEqual([]);
    expect(await db().showRecording.count({ where: { id: recording.id } })).toBe(0);
    expect(await db().brandEvent.count({ where: { type: 'recording.deleted' } })).toBe(1);
  });

  it('answers 404 for a show without a recording', async () => {
    expect((await get(seed.otherShowId, 'index.m3u8')).status).toBe(404);
    expect((await get('no-such-show', 'index.m3u8')).status).toBe(404);
  });
});
