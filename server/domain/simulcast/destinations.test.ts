import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive } from '../checkout.test-support';
import { demoActors, type DemoActors } from '../test-actors';
import { addDestination, listDestinations, pushTargets, removeDestination, setDestinationEnabled } from './destinations';
import { MAX_DESTINATIONS_PER_SHOW } from './destinations.schema';
import { secretsKey } from './secret-box';

let database: TestDatabase;
let actors: DemoActors;
const showId = DEMO_SHOW_ID;
const key = secretsKey('destinations-test-secret-of-enough-length');
const YOUTUBE = { platform: 'youtube', ingestUrl: 'rtmps://a.rtmps.youtube.com/live2/', streamKey: 'yt-secret-key-9K4m' };

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('simulcast destinations', () => {
  it('never return the stream key: adding and listing show its last four characters, the row holds it sealed', async () => {
    const added = await addDestination(database.prisma, key, actors.host, showId, YOUTUBE);
    expect(added).toEqual({
      id: added.id,
      platform: 'youtube',
      ingestUrl: 'rtmps://a.rtmps.youtube.com/live2',
      keyLast4: '9K4m',
      enabled: true,
    });
    const listed = await listDestinations(database.prisma, actors.lumenOwner, showId);
    expect(JSON.stringify(listed)).not.toContain(YOUTUBE.streamKey);
    const row = await database.prisma.simulcastDestination.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.streamKeySealed).not.toContain(YOUTUBE.streamKey);
  });

  it('are the host’s and the brand’s: a viewer or another brand is refused with MODERATORS_ONLY', async () => {
    for (const outsider of [actors.viewer, actors.koraOwner]) {
      await expect(addDestination(database.prisma, key, outsider, showId, YOUTUBE)).rejects.toMatchObject({ reason: 'MODERATORS_ONLY' });
      await expect(listDestinations(database.prisma, outsider, showId)).rejects.toMatchObject({ reason: 'MODERATORS_ONLY' });
    }
  });

  it('refuse a URL that is not rtmp(s) with SIMULCAST_URL_RULE and a key with spaces with SIMULCAST_KEY_RULE', async () => {
    await expect(
      addDestination(database.prisma, key, actors.host, showId, { ...YOUTUBE, ingestUrl: 'https://youtube.com/live' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'SIMULCAST_URL_RULE',
    });
    await expect(addDestination(database.prisma, key, actors.host, showId, { ...YOUTUBE, streamKey: 'my key' })).rejects.toMatchObject({
      reason: 'SIMULCAST_KEY_RULE',
    });
  });

  it('give the pusher the full publish URL only while the show is live, and only for enabled destinations', async () => {
    expect(await pushTargets(database.prisma, key, showId)).toEqual([]);
    await goLive(database.prisma, showId);
    const [youtube] = await listDestinations(database.prisma, actors.host, showId);
    const targets = await pushTargets(database.prisma, key, showId);
    expect(targets).toEqual([
      { destinationId: youtube!.id, publishUrl: `rtmps://a.rtmps.youtube.com/live2/${YOUTUBE.streamKey}`, streamKey: YOUTUBE.streamKey },
    ]);
    await setDestinationEnabled(database.prisma, actors.host, showId, youtube!.id, false);
    expect(await pushTargets(database.prisma, key, showId)).toEqual([]);
    await setDestinationEnabled(database.prisma, actors.host, showId, youtube!.id, true);
  });

  it('leave out a destination whose key was sealed under another SECRETS_KEY, and still give the others', async () => {
    const other = secretsKey('a-secrets-key-that-was-replaced-since');
    const stale = await addDestination(database.prisma, other, actors.host, showId, { ...YOUTUBE, streamKey: 'sealed-elsewhere-1' });
    const ids = (await pushTargets(database.prisma, key, showId)).map((t) => t.destinationId);
    expect(ids).not.toContain(stale.id);
    expect(ids).toHaveLength(1);
    await removeDestination(database.prisma, actors.host, showId, stale.id);
  });

  it(`allow at most ${MAX_DESTINATIONS_PER_SHOW} per show, even added at once (SIMULCAST_TOO_MANY)`, async () => {
    const tries = await Promise.allSettled(
      Array.from({ length: MAX_DESTINATIONS_PER_SHOW + 2 }, (_, i) =>
        addDestination(database.prisma, key, actors.host, showId, {
          platform: 'custom',
          ingestUrl: 'rtmp://ingest.example.com/live',
          streamKey: `key-${i}-xxxx`,
        }),
      ),
    );
    expect(await database.prisma.simulcastDestination.count({ where: { showId } })).toBe(MAX_DESTINATIONS_PER_SHOW);
    for (const t of tries)
      if (t.status === 'rejected') expect(t.reason).toMatchObject({ code: 'LIMIT_REACHED', reason: 'SIMULCAST_TOO_MANY' });
  });

  it('remove only a destination of this show (SIMULCAST_DESTINATION_NOT_FOUND otherwise)', async () => {
    const [first] = await listDestinations(database.prisma, actors.host, showId);
    await removeDestination(database.prisma, actors.host, showId, first!.id);
    await expect(removeDestination(database.prisma, actors.host, showId, first!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SIMULCAST_DESTINATION_NOT_FOUND',
    });
  });
});
