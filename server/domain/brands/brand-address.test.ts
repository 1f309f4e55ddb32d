import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { registerAccount } from '../accounts';
import { checkBrandAddress, slugFromName } from './brand-address';
import { createBrand } from './brand-team';
import { throttleLimits } from '../throttle';

describe('a web address suggested from the brand name', () => {
  it('lowercases, strips accents, transliterates Cyrillic and joins words with hyphens', () => {
    expect(slugFromName('Glow Lab')).toBe('glow-lab');
    expect(slugFromName('  Crème Brûlée & Co. ')).toBe('creme-brulee-co');
    expect(slugFromName('Straße Øl')).toBe('strasse-ol');
    expect(slugFromName('Өглөө Цэцэг')).toBe('ogloo-tsetseg');
    expect(slugFromName('Phở Việt 24/7')).toBe('pho-viet-24-7');
    expect(slugFromName('ផ្កា')).toBe('');
    expect(slugFromName('a'.repeat(39) + ' b')).toBe('a'.repeat(39));
  });
});

describe('brand web addresses in the database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => database?.stop());

  const founder = async (email: string) => {
    const user = await registerAccount(database.prisma, { name: 'Founder', email, password: 'founder-passphrase' });
    return { userId: user.id, name: user.name };
  };

  it('says whether an address is available, taken or not an address', async () => {
    await createBrand(database.prisma, await founder('first@test.live'), {
      name: 'Glow Lab',
      slug: 'glow-lab',
      currency: 'USD',
      timeZone: 'UTC',
    });
    expect(await checkBrandAddress(database.prisma, 'Glow-Lab')).toEqual({ slug: 'glow-lab', status: 'TAKEN' });
    expect(await checkBrandAddress(database.prisma, 'glow-lab-2')).toEqual({ slug: 'glow-lab-2', status: 'AVAILABLE' });
    expect((await checkBrandAddress(database.prisma, 'no spaces')).status).toBe('INVALID');
  });

  it('refuses a taken address with BRAND_ADDRESS_TAKEN and changes nothing, not even the founder’s brand allowance', async () => {
    await createBrand(database.prisma, await founder('owner@test.live'), {
      name: 'Taken',
      slug: 'taken',
      currency: 'USD',
      timeZone: 'UTC',
    });
    const actor = await founder('late@test.live');
    const ctx = { ip: '198.51.100.9', limits: throttleLimits(JSON.stringify({ brandsPerAccount: 1 })) };
    const brandsBefore = await database.prisma.brand.count();
    await expect(
      createBrand(database.prisma, actor, { name: 'Taken too', slug: 'taken', currency: 'USD', timeZone: 'UTC' }, ctx),
    ).rejects.toMatchObject({ code: 'BRAND_ADDRESS_TAKEN' });
    expect(await database.prisma.brand.count()).toBe(brandsBefore);
    expect(await database.prisma.brandMember.count({ where: { userId: actor.userId } })).toBe(0);
    // The allowance of one brand is still there.
    await createBrand(database.prisma, actor, { name: 'Taken too', slug: 'taken-too', currency: 'USD', timeZone: 'UTC' }, ctx);
  });

  it('two founders wanting the same address at once: one gets it, the other BRAND_ADDRESS_TAKEN', async () => {
    const [a, b] = [await founder('race-a@test.live'), await founder('race-b@test.live')];
    const results = await Promise.allSettled(
      [a, b].map((actor) => createBrand(database.prisma, actor, { name: 'Race', slug: 'race', currency: 'USD', timeZone: 'UTC' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'BRAND_ADDRESS_TAKEN' } });
    expect(await database.prisma.brand.count({ where: { slug: 'race' } })).toBe(1);
  });
});
