import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { updateShowDetails } from '../shows';
import { demoActors, type DemoActors } from '../test-actors';
import { openRecording, showRecordsHls } from './recordings';

describe('the brand’s recording switch', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
  });
  afterAll(async () => database?.stop());

  const details = async (recordingEnabled?: 'true' | 'false') => {
    const show = await database.prisma.show.findUniqueOrThrow({
      where: { id: seed.showId },
      include: { lineup: { orderBy: { position: 'asc' } } },
    });
    return {
      title: show.title,
      description: show.description,
      coverImageUrl: '',
      plannedDurationMinutes: show.plannedDurationMinutes,
      commissionRateBps: show.commissionRateBps,
      lineup: show.lineup.map((l) => l.productId),
      ...(recordingEnabled !== undefined && { recordingEnabled }),
    };
  };
  const enabled = async () => (await database.prisma.show.findUniqueOrThrow({ where: { id: seed.showId } })).recordingEnabled;

  it('the form’s unchecked box ("false") turns recording off, so a live show gets no recording and no HLS backup; a caller that does not say keeps it', async () => {
    await updateShowDetails(database.prisma, actors.lumenOwner, 'lumen', seed.showId, await details('false'));
    expect(await enabled()).toBe(false);
    await updateShowDetails(database.prisma, actors.lumenOwner, 'lumen', seed.showId, await details());
    expect(await enabled()).toBe(false);

    await database.prisma.show.update({ where: { id: seed.showId }, data: { status: 'LIVE', startedAt: new Date() } });
    expect(await openRecording(database.prisma, seed.showId)).toBeNull();
    expect(await showRecordsHls(database.prisma, seed.showId)).toBe(false);

    await updateShowDetails(database.prisma, actors.lumenOwner, 'lumen', seed.showId, await details('true'));
    expect(await enabled()).toBe(true);
    expect(await showRecordsHls(database.prisma, seed.showId)).toBe(true);
    const opened = await openRecording(database.prisma, seed.showId);
    expect(opened?.storagePrefix).toBe(`recordings/${opened?.id}/`);
    // A second ask (a worker restart, a republish) continues the same recording.
    expect(await openRecording(database.prisma, seed.showId)).toEqual(opened);
  });
});
