import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import { brandProfile, search } from '../discovery';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { emailJobKey } from '../../mail/outbox';
import { buy, prepareShows } from '../orders/order-test-support';
import { getProductTranslations, localizeProducts, localizeShowProducts, setProductTranslation } from './index';

let database: TestDatabase;
let actors: DemoActors;
let product: { id: string; title: string; description: string; variants: { id: string; name: string }[] };

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  product = await database.prisma.product.findFirstOrThrow({
    where: { variants: { some: { sku: 'LUM-SERUM-30ML' } } },
    select: { id: true, title: true, description: true, variants: { select: { id: true, name: true }, orderBy: { createdAt: 'asc' } } },
  });
  await setProductTranslation(database.prisma, actors.lumenOwner, 'lumen', product.id, {
    locale: 'km',
    title: 'សេរ៉ូមភ្លឺថ្លា',
    description: '',
    variants: [{ id: product.variants[0]!.id, name: '៣០ មីលីលីត្រ' }],
  });
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('product content per language', () => {
  it("reads the brand's Khmer title and variant name, and falls back to the product's own words for an empty description and for a language without words", async () => {
    const [km] = await localizeProducts(database.prisma, [product], 'km');
    expect(km).toMatchObject({ title: 'សេរ៉ូមភ្លឺថ្លា', description: product.description });
    expect(km!.variants[0]!.name).toBe('៣០ មីលីលីត្រ');
    expect(km!.variants.slice(1).map((v) => v.name)).toEqual(product.variants.slice(1).map((v) => v.name));
    const [lo] = await localizeProducts(database.prisma, [product], 'lo');
    expect(lo).toEqual(product);
  });

  it('search finds a product by its Khmer title and shows it in the reader’s language', async () => {
    const inKhmer = await search(database.prisma, 'ភ្លឺថ្លា', 'km');
    expect(inKhmer.products.map((p) => [p.id, p.title])).toEqual([[product.id, 'សេរ៉ូមភ្លឺថ្លា']]);
    const inEnglish = await search(database.prisma, 'ភ្លឺថ្លា', 'en');
    expect(inEnglish.products.map((p) => p.title)).toEqual([product.title]);
  });

  it("the brand page and a show's lineup read in the viewer's language", async () => {
    const profile = await brandProfile(database.prisma, 'lumen', 'km');
    expect(profile.products.find((p) => p.id === product.id)?.title).toBe('សេរ៉ូមភ្លឺថ្លា');
    const state = await localizeShowProducts(database.prisma, { pinnedProduct: product, lineup: [product] }, 'km');
    expect([state.pinnedProduct?.title, state.lineup[0]?.title]).toEqual(['សេរ៉ូមភ្លឺថ្លា', 'សេរ៉ូមភ្លឺថ្លា']);
    expect(await localizeShowProducts(database.prisma, { pinnedProduct: null, lineup: [product] }, 'xx')).toEqual({
      pinnedProduct: null,
      lineup: [product],
    });
  });

  it("the receipt of a buyer reading Khmer names the product in the brand's Khmer words; English keeps the title copied at the sale", async () => {
    const fx = await prepareShows(database.prisma);
    const variant = product.variants[0]!;
    await database.prisma.user.update({ where: { id: actors.viewer.userId }, data: { locale: 'km' } });
    try {
      const khmerOrder = await buy(database.prisma, actors.viewer, fx.lumenShowId, variant.id);
      const receipt = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: emailJobKey(`order-receipt:${khmerOrder.id}`) } });
      expect((receipt.payload as { text: string }).text).toContain('1 × សេរ៉ូមភ្លឺថ្លា — ៣០ មីលីលីត្រ');
    } finally {
      await database.prisma.user.update({ where: { id: actors.viewer.userId }, data: { locale: null } });
    }
    const englishOrder = await buy(database.prisma, actors.viewer2, fx.lumenShowId, variant.id);
    const receipt = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: emailJobKey(`order-receipt:${englishOrder.id}`) } });
    expect((receipt.payload as { text: string }).text).toContain(`1 × ${product.title} — ${variant.name}`);
  });

  it('clearing every field removes the language, so readers fall back again; another brand cannot write it', async () => {
    await setProductTranslation(database.prisma, actors.lumenOwner, 'lumen', product.id, { locale: 'mn', title: 'Тод серум' });
    expect((await getProductTranslations(database.prisma, actors.lumenOwner, 'lumen', product.id)).byLocale.mn?.title).toBe('Тод серум');
    await setProductTranslation(database.prisma, actors.lumenOwner, 'lumen', product.id, { locale: 'mn', title: ' ' });
    expect((await getProductTranslations(database.prisma, actors.lumenOwner, 'lumen', product.id)).byLocale.mn).toBeUndefined();
    await expectAppError(
      setProductTranslation(database.prisma, actors.koraOwner, 'lumen', product.id, { locale: 'mn', title: 'x' }),
      'NOT_FOUND',
    );
    await expectAppError(
      setProductTranslation(database.prisma, actors.koraOwner, 'kora', product.id, { locale: 'mn', title: 'x' }),
      'NOT_FOUND',
    );
  });
});
