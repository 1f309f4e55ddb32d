import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { Prisma } from '../../db/client';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { expectAppError } from '../test-actors';
import { productPage, sitemapEntries } from './index';

describe('seo: sitemap and product page', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

  async function show(data: Partial<Prisma.ShowUncheckedCreateInput> & { title: string }, productId?: string): Promise<string> {
    const row = await database.prisma.show.create({
      data: { brandId: seed.brandId, hostId: seed.hostId, scheduledStart: hours(24), hostInviteStatus: 'ACCEPTED', ...data },
      select: { id: true },
    });
    if (productId) await database.prisma.showProduct.create({ data: { showId: row.id, productId, position: 0 } });
    return row.id;
  }
  const replayOf = (showId: string) =>
    database.prisma.showRecording.create({ data: { showId, status: 'READY', storagePrefix: `recordings/${showId}/` } });

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
  });
  afterAll(async () => database?.stop());

  it('the sitemap lists public shows, replays, brands, hosts and products on sale, and never a private, unlisted, cancelled or unrecorded ended show or a draft', async () => {
    const product = seed.productIds[0]!;
    const publicShow = await show({ title: 'Public' });
    const unlisted = await show({ title: 'Unlisted', visibility: 'UNLISTED' });
    const inviteOnly = await show({ title: 'Invite only', visibility: 'INVITE_ONLY' });
    const cancelled = await show({ title: 'Called off', status: 'CANCELLED' });
    const endedNoRecording = await show({ title: 'Gone', status: 'ENDED', endedAt: hours(-1) });
    const replay = await show({ title: 'Replay', status: 'ENDED', endedAt: hours(-2) });
    await replayOf(replay);
    const privateReplay = await show({ title: 'Private replay', status: 'ENDED', endedAt: hours(-2), visibility: 'INVITE_ONLY' });
    await replayOf(privateReplay);
    const draft = await database.prisma.product.create({ data: { brandId: seed.brandId, title: 'Secret', status: 'DRAFT' } });

    const paths = (await sitemapEntries(database.prisma)).map((e) => e.path);
    expect(paths).toContain(`/shows/${publicShow}`);
    expect(paths).toContain(`/shows/${replay}`);
    expect(paths).toContain(`/products/${product}`);
    expect(paths).toContain('/brands/lumen');
    expect(paths.some((p) => p.startsWith('/hosts/'))).toBe(true);
    for (const hidden of [unlisted, inviteOnly, cancelled, endedNoRecording, privateReplay])
      expect(paths).not.toContain(`/shows/${hidden}`);
    expect(paths).not.toContain(`/products/${draft.id}`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('a product page lists the public shows selling it (live first, the latest to go live first) and its replays, in the reader’s language where the brand wrote one, and a draft product is not found', async () => {
    const product = seed.productIds[1]!;
    const upcoming = await show({ title: 'Soon with it', scheduledStart: hours(5) }, product);
    const live = await show({ title: 'Live with it', status: 'LIVE', scheduledStart: hours(-1), startedAt: hours(-1) }, product);
    const hidden = await show({ title: 'Unlisted with it', visibility: 'UNLISTED' }, product);
    const replay = await show({ title: 'Replay with it', status: 'ENDED', endedAt: hours(-3) }, product);
    await replayOf(replay);
    const other = await show({ title: 'Without it' });

    const before = (await productPage(database.prisma, product)).liveAndUpcoming.map((s) => s.id);
    expect(before.indexOf(live)).toBeLessThan(before.indexOf(upcoming));
    // More live shows than the page lists: the one that went live last is among them, first.
    for (let i = 0; i < 13; i++)
      await show({ title: `Older live ${i}`, status: 'LIVE', scheduledStart: hours(-3), startedAt: hours(-2) }, product);
    const page = await productPage(database.prisma, product);
    const ids = page.liveAndUpcoming.map((s) => s.id);
    expect(ids[0]).toBe(live);
    expect(ids).not.toContain(hidden);
    expect(ids).not.toContain(other);
    expect(page.replays.map((s) => s.id)).toEqual([replay]);
    expect(page.product.variants.length).toBeGreaterThan(0);

    await database.prisma.productTranslation.create({ data: { productId: product, locale: 'km', title: 'សេរ៉ូម' } });
    expect((await productPage(database.prisma, product, 'km')).product.title).toBe('សេរ៉ូម');
    expect((await productPage(database.prisma, product, 'lo')).product.title).toBe(page.product.title);

    const draft = await database.prisma.product.create({ data: { brandId: seed.brandId, title: 'Not yet', status: 'DRAFT' } });
    await expectAppError(productPage(database.prisma, draft.id), 'NOT_FOUND');
    await expectAppError(productPage(database.prisma, 'no-such-product'), 'NOT_FOUND');
  });
});
