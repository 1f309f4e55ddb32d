import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedDemoData, type DemoSeed } from '../db/seed';
import type { Actor } from '../domain/context';
import { demoActors, expectAppError, type DemoActors } from '../domain/test-actors';
import { createUser } from '../jobs/test-support';
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from './keys';

describe('API keys', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  let staff: Actor;
  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    const user = await createUser(database.prisma, 'Lumen Staff');
    await database.prisma.brandMember.create({ data: { brandId: seed.brandId, userId: user.id, role: 'STAFF' } });
    staff = { userId: user.id, name: user.name };
  });
  afterAll(async () => database?.stop());
  const db = () => database.prisma;

  it('answers the full lc_live_ key once and stores only its SHA-256 and a short prefix', async () => {
    const created = await createApiKey(db(), actors.lumenOwner, 'lumen', {
      name: 'Warehouse',
      scopes: ['stock:write', 'stock:write', 'products:read'],
    });
    expect(created.key).toMatch(/^lc_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      keyHash: hashApiKey(created.key),
      prefix: created.prefix,
      scopes: ['stock:write', 'products:read'],
      brandId: seed.brandId,
    });
    const listed = await listApiKeys(db(), staff, 'lumen');
    expect(listed.find((k) => k.id === created.id)).toEqual({
      id: created.id,
      name: 'Warehouse',
      prefix: created.prefix,
      scopes: ['stock:write', 'products:read'],
      lastUsedAt: null,
      revokedAt: null,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it('refuses unknown scopes and an empty name', async () => {
    await expectAppError(createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'x', scopes: ['admin'] as never }), 'INVALID_INPUT');
    await expectAppError(createApiKey(db(), actors.lumenOwner, 'lumen', { name: ' ', scopes: ['orders:read'] }), 'INVALID_INPUT');
  });

  it('only the owner creates and revokes keys; staff may list them', async () => {
    await expectAppError(createApiKey(db(), staff, 'lumen', { name: 'Mine', scopes: ['orders:read'] }), 'FORBIDDEN');
    const { id } = await createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'Shared', scopes: ['orders:read'] });
    await expectAppError(revokeApiKey(db(), staff, 'lumen', id), 'FORBIDDEN');
    expect((await listApiKeys(db(), staff, 'lumen')).some((k) => k.id === id)).toBe(true);
  });

  it('a revoked key is refused at once and stays listed as revoked', async () => {
    const { id, key } = await createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'Leaked', scopes: ['orders:read'] });
    expect((await authenticateApiKey(db(), `Bearer ${key}`)).brandId).toBe(seed.brandId);
    await revokeApiKey(db(), actors.lumenOwner, 'lumen', id);
    await expectAppError(authenticateApiKey(db(), `Bearer ${key}`), 'UNAUTHENTICATED');
    expect((await listApiKeys(db(), actors.lumenOwner, 'lumen')).find((k) => k.id === id)?.revokedAt).toEqual(expect.any(String));
  });

  it('another brand cannot see or revoke lumen’s keys: NOT_FOUND', async () => {
    const { id, key } = await createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'Lumen only', scopes: ['orders:read'] });
    await expectAppError(listApiKeys(db(), actors.koraOwner, 'lumen'), 'NOT_FOUND');
    await expectAppError(revokeApiKey(db(), actors.koraOwner, 'kora', id), 'NOT_FOUND');
    expect((await listApiKeys(db(), actors.koraOwner, 'kora')).some((k) => k.id === id)).toBe(false);
    expect((await authenticateApiKey(db(), `Bearer ${key}`)).keyId).toBe(id);
  });
});
