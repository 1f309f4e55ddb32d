import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOrigins, PUT as putOrigins } from '../../app/api/v1/embed/origins/route';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedDemoData } from '../db/seed';
import { demoActors, type DemoActors } from '../domain/test-actors';
import { testEnv } from '../jobs/test-support';
import { registerServices, type AppServices } from '../services';
import { createApiKey } from './keys';
import { callRoute } from './test-support';

describe('public API v1: the sites that may embed a brand’s shows', () => {
  let database: TestDatabase;
  let actors: DemoActors;
  beforeAll(async () => {
    database = await startTestDatabase();
    await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    // A deployment: https origins only.
    registerServices({
      db: database.prisma,
      env: testEnv(database.url, { PUBLIC_URL: 'https://live.example.com', NODE_ENV: 'production' }),
    } as unknown as AppServices);
  });
  afterAll(async () => {
    registerServices(undefined);
    await database?.stop();
  });
  const key = (scopes: ('shows:read' | 'embed:write')[], actor = () => actors.lumenOwner, slug = 'lumen') =>
    createApiKey(database.prisma, actor(), slug, { name: 'embed', scopes }).then((k) => k.key);

  it('a key with embed:write replaces the list, normalised, and shows:read reads it back; the other brand’s list is untouched', async () => {
    const writer = await key(['embed:write']);
    const put = await callRoute(putOrigins, 'PUT', '/embed/origins', {
      key: writer,
      body: { origins: ['https://Shop.Lumen.example/', 'https://shop.lumen.example:443'] },
    });
    expect(put).toMatchObject({ status: 200, json: { origins: ['https://shop.lumen.example'] } });
    const get = await callRoute(getOrigins, 'GET', '/embed/origins', { key: await key(['shows:read']) });
    expect(get).toMatchObject({ status: 200, json: { origins: ['https://shop.lumen.example'] } });
    const kora = await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'kora' }, select: { embedOrigins: true } });
    expect(kora.embedOrigins).toEqual([]);
  });

  it('on a deployment an http origin answers 400 EMBED_ORIGIN_INVALID and changes nothing; without embed:write, 403', async () => {
    const writer = await key(['embed:write']);
    const refused = await callRoute(putOrigins, 'PUT', '/embed/origins', { key: writer, body: { origins: ['http://localhost:8080'] } });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'INVALID_INPUT', reason: 'EMBED_ORIGIN_INVALID' });
    const reader = await key(['shows:read']);
    const forbidden = await callRoute(putOrigins, 'PUT', '/embed/origins', { key: reader, body: { origins: [] } });
    expect(forbidden).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    expect((await callRoute(getOrigins, 'GET', '/embed/origins', { key: reader })).json).toEqual({
      origins: ['https://shop.lumen.example'],
    });
  });
});
