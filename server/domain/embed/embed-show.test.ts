import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { getEmbedOrigins, setEmbedOrigins } from './embed-origins';
import { embedFrameOrigins, getEmbedShow } from './embed-show';

const deployed = { allowHttpLoopback: false };
const local = { allowHttpLoopback: true };

let database: TestDatabase;
let actors: DemoActors;
beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
});
afterAll(async () => database?.stop());

describe('a brand’s embed origins', () => {
  it('the owner sets the list, and the player of each of the brand’s shows may be framed by exactly those sites', async () => {
    const saved = await setEmbedOrigins(
      database.prisma,
      actors.lumenOwner,
      'lumen',
      ['https://shop.lumen.example/', 'http://localhost:8080'],
      local,
    );
    expect(saved).toEqual(['https://shop.lumen.example', 'http://localhost:8080']);
    expect(await getEmbedOrigins(database.prisma, actors.lumenOwner, 'lumen')).toEqual(saved);
    expect(await embedFrameOrigins(database.prisma, DEMO_SHOW_ID, local)).toEqual(saved);
    const { show, frameOrigins } = await getEmbedShow(database.prisma, DEMO_SHOW_ID, local);
    expect(show.id).toBe(DEMO_SHOW_ID);
    expect(frameOrigins).toEqual(saved);
    const serum = await database.prisma.productVariant.findFirstOrThrow({ where: { productId: 'demo_product_serum' } });
    expect(show.lineup.map((p) => p.id)).toContain('demo_product_serum');
    expect((await getEmbedShow(database.prisma, DEMO_SHOW_ID, local)).skus[serum.id]).toBe(serum.sku);
  });

  it('once deployed, a localhost origin saved earlier no longer frames the player', async () => {
    expect(await embedFrameOrigins(database.prisma, DEMO_SHOW_ID, deployed)).toEqual(['https://shop.lumen.example']);
  });

  it('another brand’s owner cannot read or change the list, and a bad origin changes nothing', async () => {
    await expectAppError(getEmbedOrigins(database.prisma, actors.koraOwner, 'lumen'), 'NOT_FOUND');
    await expectAppError(setEmbedOrigins(database.prisma, actors.koraOwner, 'lumen', ['https://kora.example'], deployed), 'NOT_FOUND');
    await expectAppError(
      setEmbedOrigins(database.prisma, actors.lumenOwner, 'lumen', ['https://ok.example', 'http://shop.example'], deployed),
      'INVALID_INPUT',
    );
    expect(await embedFrameOrigins(database.prisma, DEMO_SHOW_ID, deployed)).toEqual(['https://shop.lumen.example']);
  });

  it('a show that does not exist may be framed by nobody', async () => {
    expect(await embedFrameOrigins(database.prisma, 'no_such_show', local)).toEqual([]);
    await expectAppError(getEmbedShow(database.prisma, 'no_such_show', local), 'NOT_FOUND');
  });
});
