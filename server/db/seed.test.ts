import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase } from '../../test/support/database';
import { hash } from '@node-rs/argon2';
import { DEMO_EMAILS, DEMO_PASSWORD, DemoSeedConflictError, seedDemoData } from './seed';

describe('demo seed', () => {
  let db: Awaited<ReturnType<typeof startTestDatabase>>;
  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => db?.stop());

  it('creates the demo brands, accounts with wallets, six products and a show ready to go live', async () => {
    const seed = await seedDemoData(db.prisma);
    expect(seed.productIds).toHaveLength(6);
    const show = await db.prisma.show.findUniqueOrThrow({ where: { id: seed.showId }, include: { lineup: true } });
    expect(show.status).toBe('SCHEDULED');
    expect(show.lineup.sort((a, b) => a.position - b.position).map((l) => l.productId)).toEqual(seed.productIds);
    expect(show.scheduledStart.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const viewer = await db.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_EMAILS.viewer },
      include: { addresses: true, paymentMethods: true },
    });
    expect(viewer.addresses.filter((a) => a.isDefault)).toHaveLength(1);
    expect(viewer.paymentMethods).toEqual([
      expect.objectContaining({ isDefault: true, last4: '4242', token: expect.stringMatching(/^tok_test_/) }),
    ]);
    expect(viewer.passwordHash).toMatch(/^\$argon2id\$/);
    // Verified, so a sign-in link for a demo address never drops the published password.
    expect(viewer.emailVerifiedAt).not.toBeNull();
  });

  it('is safe to run again: nothing duplicated, stock changes kept, an ended demo show back on the schedule', async () => {
    const first = await seedDemoData(db.prisma);
    const variant = await db.prisma.productVariant.findFirstOrThrow({ where: { productId: first.productIds[0] } });
    await db.prisma.productVariant.update({ where: { id: variant.id }, data: { stock: 3 } });
    await db.prisma.show.update({ where: { id: first.showId }, data: { status: 'ENDED', endedAt: new Date() } });
    const counts = async () => ({
      users: await db.prisma.user.count(),
      brands: await db.prisma.brand.count(),
      members: await db.prisma.brandMember.count(),
      influencers: await db.prisma.influencerProfile.count(),
      products: await db.prisma.product.count(),
      variants: await db.prisma.productVariant.count(),
      addresses: await db.prisma.address.count(),
      cards: await db.prisma.paymentMethod.count(),
      shows: await db.prisma.show.count(),
      lineup: await db.prisma.showProduct.count(),
    });
    const before = await counts();
    expect(before).toEqual({
      users: 5,
      brands: 2,
      members: 2,
      influencers: 1,
      products: 7,
      variants: before.variants,
      addresses: 2,
      cards: 2,
      shows: 2,
      lineup: 7,
    });
    const again = await seedDemoData(db.prisma);
    expect(again).toEqual(first);
    expect(await counts()).toEqual(before);
    expect((await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(3);
    expect((await db.prisma.show.findUniqueOrThrow({ where: { id: first.showId } })).status).toBe('SCHEDULED');
  });
});

describe('demo seed next to data it did not create', () => {
  let db: Awaited<ReturnType<typeof startTestDatabase>>;
  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => db?.stop());

  it('never touches a brand whose slug it uses: a real "lumen" keeps its team and products, and nothing is seeded', async () => {
    const owner = await db.prisma.user.create({ data: { email: 'owner@lumen.example', name: 'Real Owner' } });
    const brand = await db.prisma.brand.create({
      data: { slug: 'lumen', name: 'Lumen Lighting', currency: 'EUR', members: { create: { userId: owner.id, role: 'OWNER' } } },
    });

    const seeding = seedDemoData(db.prisma);
    await expect(seeding).rejects.toThrow(DemoSeedConflictError);
    await expect(seeding).rejects.toThrow(/brand slug "lumen" belongs to a brand the seed did not create/);
    expect(await db.prisma.brandMember.findMany({ where: { brandId: brand.id }, select: { userId: true } })).toEqual([
      { userId: owner.id },
    ]);
    expect(await db.prisma.product.count({ where: { brandId: brand.id } })).toBe(0);
    expect(await db.prisma.user.count({ where: { email: { in: Object.values(DEMO_EMAILS) } } })).toBe(0);
    await db.prisma.brand.delete({ where: { id: brand.id } });
    await db.prisma.user.delete({ where: { id: owner.id } });
  });

  it('adopts no account it did not create: a real person signed up as brand@demo.live stops it', async () => {
    const person = await db.prisma.user.create({ data: { email: DEMO_EMAILS.brand, name: 'Someone Real' } });
    await expect(seedDemoData(db.prisma)).rejects.toThrow(/the account brand@demo.live was not created by the seed/);
    expect(await db.prisma.brandMember.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.prisma.brand.count()).toBe(0);
    await db.prisma.user.delete({ where: { id: person.id } });
  });

  it('still adopts a demo account seeded before ids were stable, recognised by the published password', async () => {
    const legacy = await db.prisma.user.create({
      data: { email: DEMO_EMAILS.viewer, name: 'Sam Rivera', passwordHash: await hash(DEMO_PASSWORD) },
    });
    const seed = await seedDemoData(db.prisma);
    expect(seed.viewerIds).toContain(legacy.id);
  });
});
