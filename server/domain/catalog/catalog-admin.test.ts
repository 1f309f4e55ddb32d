import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { LocalDiskStore } from '../../storage/local-disk-store';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createProduct, getBrandProduct, listBrandProducts, setProductImage, setProductStatus, updateProduct } from './catalog-admin';
import type { Actor } from '../context';
import { AppError, type ErrorCode } from '../errors';
import { createProductWithImage, uploadProductImage } from './product-image';
import { stockGate } from './stock-gate';

let database: TestDatabase;
let seed: DemoSeed;
let lumen: Actor;
let kora: Actor;

async function expectCode(promise: Promise<unknown>, code: ErrorCode, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  // A schema's own sentence stays in the developer message (INVALID_FIELD names the field for people).
  if (message) expect(`${(error as AppError).userMessage} | ${(error as AppError).message}`).toMatch(message);
}

const tee = (sku: string) => ({
  title: 'Linen Tee',
  description: 'Breathable.',
  status: 'ACTIVE' as const,
  variants: [
    { name: 'M / Red', sku: `${sku}-M-RED`, options: { Size: 'M', Colour: 'Red' }, priceMinor: 2500, stock: 10 },
    { name: 'L / Red', sku: `${sku}-L-RED`, options: { Size: 'L', Colour: 'Red' }, priceMinor: 2700, stock: 5 },
  ],
});

beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
  const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: 'brand@demo.live' } });
  lumen = { userId: owner.id, name: owner.name };
  kora = { userId: seed.otherBrandOwnerId, name: 'Kora owner' };
});

afterAll(async () => {
  await database?.stop();
});

describe('creating and reading products', () => {
  it('creates a product with variants in the brand’s currency and reads it back with options', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('TEE1'));
    const product = await getBrandProduct(database.prisma, lumen, 'lumen', id);
    expect(product).toMatchObject({ title: 'Linen Tee', status: 'ACTIVE', currency: 'USD' });
    expect(product.variants.map((v) => [v.sku, v.options, v.priceMinor, v.stock, v.hasOrders])).toEqual([
      ['TEE1-M-RED', { Size: 'M', Colour: 'Red' }, 2500, 10, false],
      ['TEE1-L-RED', { Size: 'L', Colour: 'Red' }, 2700, 5, false],
    ]);
  });

  it('refuses a SKU already used in the brand, naming the SKU', async () => {
    await expectCode(createProduct(database.prisma, lumen, 'lumen', tee('TEE1')), 'INVALID_INPUT', /TEE1-M-RED/);
  });

  it('refuses a SKU another brand uses without revealing that brand’s product', async () => {
    const input = { ...tee('X'), variants: [{ name: 'S', sku: 'KORA-FLEECE-S', options: {}, priceMinor: 100, stock: 1 }] };
    await expectCode(createProduct(database.prisma, lumen, 'lumen', input), 'INVALID_INPUT', /^The SKU KORA-FLEECE-S is already used\. /);
  });

  it('refuses the same SKU twice in one product, a negative price and a product with no variants', async () => {
    const twice = { ...tee('DUP'), variants: [tee('DUP').variants[0]!, tee('DUP').variants[0]!] };
    await expectCode(createProduct(database.prisma, lumen, 'lumen', twice), 'INVALID_INPUT', /DUP-M-RED is used twice/);
    // The repeated SKU is a param of the reason, so every language can name it.
    await expect(createProduct(database.prisma, lumen, 'lumen', twice)).rejects.toMatchObject({
      reason: 'PRODUCT_SKU_TWICE',
      params: { sku: 'DUP-M-RED' },
    });
    await expectCode(
      createProduct(database.prisma, lumen, 'lumen', { ...tee('NEG'), variants: [{ ...tee('NEG').variants[0]!, priceMinor: -1 }] }),
      'INVALID_INPUT',
      /negative/,
    );
    await expectCode(
      createProduct(database.prisma, lumen, 'lumen', { ...tee('NONE'), variants: [] }),
      'INVALID_INPUT',
      /at least one variant/,
    );
  });
});

describe('listing products', () => {
  it('searches titles and SKUs case-insensitively and filters by status', async () => {
    await createProduct(database.prisma, lumen, 'lumen', { ...tee('DRAFTY'), title: 'Draft Hoodie', status: 'DRAFT' });
    const byTitle = await listBrandProducts(database.prisma, lumen, 'lumen', { q: 'linen tee' });
    expect(byTitle.items.map((p) => p.title)).toEqual(['Linen Tee']);
    expect(byTitle.items[0]).toMatchObject({ variantCount: 2, totalStock: 15, minPriceMinor: 2500, maxPriceMinor: 2700, currency: 'USD' });
    const bySku = await listBrandProducts(database.prisma, lumen, 'lumen', { q: 'drafty-m' });
    expect(bySku.items.map((p) => p.title)).toEqual(['Draft Hoodie']);
    const drafts = await listBrandProducts(database.prisma, lumen, 'lumen', { status: 'DRAFT' });
    expect(drafts.items.map((p) => p.title)).toEqual(['Draft Hoodie']);
  });

  it('pages 20 products at a time and never shows another brand’s products', async () => {
    for (let i = 0; i < 14; i++) await createProduct(database.prisma, lumen, 'lumen', { ...tee(`PAGE${i}`), title: `Paged ${i}` });
    const first = await listBrandProducts(database.prisma, lumen, 'lumen', {});
    const second = await listBrandProducts(database.prisma, lumen, 'lumen', { page: 2 });
    expect(first.total).toBe(6 + 2 + 14);
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(2);
    expect(first.pageCount).toBe(2);
    const ids = [...first.items, ...second.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(22);
    expect(ids).not.toContain('demo_product_kora_fleece');
  });
});

describe('updating products', () => {
  it('changes details, updates a variant, adds one and removes one in one go', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('UPD'));
    const before = await getBrandProduct(database.prisma, lumen, 'lumen', id);
    const [m] = before.variants;
    await updateProduct(database.prisma, lumen, 'lumen', id, {
      title: 'Linen Tee v2',
      variants: [
        { id: m!.id, name: 'Medium / Red', sku: 'UPD-M-RED', options: { Size: 'M', Colour: 'Red' }, priceMinor: 2600 },
        { name: 'S / Blue', sku: 'UPD-S-BLUE', options: { Size: 'S', Colour: 'Blue' }, priceMinor: 2400, stock: 3 },
      ],
    });
    const after = await getBrandProduct(database.prisma, lumen, 'lumen', id);
    expect(after.title).toBe('Linen Tee v2');
    expect(after.variants.map((v) => [v.name, v.sku, v.priceMinor, v.stock])).toEqual([
      ['Medium / Red', 'UPD-M-RED', 2600, 10],
      ['S / Blue', 'UPD-S-BLUE', 2400, 3],
    ]);
  });

  it('leaves stock alone when the editor did not change it, so sales since the form opened stand', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('SALE'));
    const [m, l] = (await getBrandProduct(database.prisma, lumen, 'lumen', id)).variants;
    await database.prisma.productVariant.update({ where: { id: m!.id }, data: { stock: 7 } }); // a sale of 3 meanwhile
    const keep = (v: typeof m) => ({ id: v!.id, name: v!.name, sku: v!.sku, options: v!.options, priceMinor: v!.priceMinor });
    await updateProduct(database.prisma, lumen, 'lumen', id, { variants: [keep(m), { ...keep(l), stock: 50 }] });
    const after = await getBrandProduct(database.prisma, lumen, 'lumen', id);
    expect(after.variants.map((v) => v.stock)).toEqual([7, 50]);
  });

  it('sets stock through setVariantStock, which clears the live-buying stock gate', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('GATE'));
    const [m, l] = (await getBrandProduct(database.prisma, lumen, 'lumen', id)).variants;
    // The gate last saw this variant sold out; a restock must not leave it refusing taps.
    stockGate.admit(m!.id, 1);
    stockGate.settle(m!.id, 1, 0);
    expect(stockGate.admit(m!.id, 1)).toBe(false);
    await updateProduct(database.prisma, lumen, 'lumen', id, { variants: [{ ...m!, stock: 20 }, l!] });
    expect(stockGate.admit(m!.id, 1)).toBe(true);
  });

  it('refuses to remove a variant that has been ordered with INVALID_STATE, suggesting archiving', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('ORD'));
    const [m, l] = (await getBrandProduct(database.prisma, lumen, 'lumen', id)).variants;
    await database.prisma.order.create({
      data: {
        buyerId: seed.viewerIds[0]!,
        brandId: seed.brandId,
        totalMinor: 2500,
        currency: 'USD',
        idempotencyKey: 'ord-test',
        items: { create: [{ variantId: m!.id, title: 'Linen Tee', quantity: 1, unitPriceMinor: 2500, currency: 'USD' }] },
      },
    });
    await expectCode(
      updateProduct(database.prisma, lumen, 'lumen', id, { variants: [l!] }),
      'INVALID_STATE',
      /already been ordered.*archive/,
    );
    expect((await getBrandProduct(database.prisma, lumen, 'lumen', id)).variants.map((v) => [v.sku, v.hasOrders])).toEqual([
      ['ORD-M-RED', true],
      ['ORD-L-RED', false],
    ]);
  });

  it('refuses to give a variant a SKU another product already uses', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('TAKEN'));
    const [m, l] = (await getBrandProduct(database.prisma, lumen, 'lumen', id)).variants;
    await expectCode(
      updateProduct(database.prisma, lumen, 'lumen', id, { variants: [{ ...m!, sku: 'TEE1-L-RED' }, l!] }),
      'INVALID_INPUT',
      /TEE1-L-RED is already used by “Linen Tee”/,
    );
  });

  it('archives and unarchives through the status', async () => {
    const { id } = await createProduct(database.prisma, lumen, 'lumen', tee('ARCH'));
    await setProductStatus(database.prisma, lumen, 'lumen', id, 'ARCHIVED');
    expect((await getBrandProduct(database.prisma, lumen, 'lumen', id)).status).toBe('ARCHIVED');
    await setProductStatus(database.prisma, lumen, 'lumen', id, 'ACTIVE');
    expect((await getBrandProduct(database.prisma, lumen, 'lumen', id)).status).toBe('ACTIVE');
  });
});

describe('product images', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-images-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores an uploaded PNG under a random key and points the product at it', async () => {
    const { url } = await uploadProductImage(database.prisma, new LocalDiskStore(dataDir), lumen, 'lumen', 'demo_product_serum', png);
    expect(url).toMatch(/^\/uploads\/products\/[0-9a-f]{32}\.png$/);
    expect([...readFileSync(path.join(dataDir, url))]).toEqual([...png]);
    expect((await getBrandProduct(database.prisma, lumen, 'lumen', 'demo_product_serum')).imageUrl).toBe(url);
  });

  it('creates a product with its image in one go; a refused product leaves no stored image, a refused image no product', async () => {
    const store = new LocalDiskStore(dataDir);
    const { id, imageUrl } = await createProductWithImage(database.prisma, store, lumen, 'lumen', tee('WITH-IMG'), png);
    expect(imageUrl).toMatch(/^\/uploads\/products\/[0-9a-f]{32}\.png$/);
    expect((await getBrandProduct(database.prisma, lumen, 'lumen', id)).imageUrl).toBe(imageUrl);
    const stored = () => readdirSync(path.join(dataDir, 'uploads', 'products')).length;
    const before = stored();
    // The SKUs are taken now: the product is refused, and the image stored for it is deleted again.
    await expectCode(createProductWithImage(database.prisma, store, lumen, 'lumen', tee('WITH-IMG'), png), 'INVALID_INPUT');
    expect(stored()).toBe(before);
    await expectCode(
      createProductWithImage(database.prisma, store, lumen, 'lumen', tee('BAD-IMG'), new TextEncoder().encode('<svg/>')),
      'INVALID_INPUT',
      /not a PNG, JPEG, WebP or GIF/,
    );
    expect(await database.prisma.productVariant.count({ where: { sku: { startsWith: 'BAD-IMG' } } })).toBe(0);
  });

  it('refuses an SVG or a renamed text file, and anything over 5 MB', async () => {
    const store = new LocalDiskStore(dataDir);
    await expectCode(
      uploadProductImage(
        database.prisma,
        store,
        lumen,
        'lumen',
        'demo_product_serum',
        new TextEncoder().encode('<svg onload="alert(1)"/>'),
      ),
      'INVALID_INPUT',
      /not a PNG, JPEG, WebP or GIF/,
    );
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(png);
    await expectCode(
      uploadProductImage(database.prisma, store, lumen, 'lumen', 'demo_product_serum', huge),
      'INVALID_INPUT',
      /larger than 5 MB/,
    );
  });

  it('refuses image addresses that are not a path or an http(s) URL', async () => {
    await expectCode(setProductImage(database.prisma, lumen, 'lumen', 'demo_product_serum', 'javascript:alert(1)'), 'INVALID_INPUT');
  });
});

describe('brand isolation', () => {
  it('a member of kora cannot list, read, update, archive or set the image of lumen’s products: NOT_FOUND', async () => {
    const db = database.prisma;
    await expectCode(listBrandProducts(db, kora, 'lumen', {}), 'NOT_FOUND');
    await expectCode(getBrandProduct(db, kora, 'lumen', 'demo_product_serum'), 'NOT_FOUND');
    await expectCode(createProduct(db, kora, 'lumen', tee('INTRUDER')), 'NOT_FOUND');
    await expectCode(updateProduct(db, kora, 'lumen', 'demo_product_serum', { title: 'Pwned' }), 'NOT_FOUND');
    await expectCode(setProductStatus(db, kora, 'lumen', 'demo_product_serum', 'ARCHIVED'), 'NOT_FOUND');
    await expectCode(setProductImage(db, kora, 'lumen', 'demo_product_serum', '/x.png'), 'NOT_FOUND');
    expect(await db.product.findUniqueOrThrow({ where: { id: 'demo_product_serum' } })).toMatchObject({
      title: 'Dewy Glow Serum',
      status: 'ACTIVE',
    });
  });

  it('a member of kora cannot reach a lumen product through kora’s own slug either', async () => {
    const db = database.prisma;
    await expectCode(getBrandProduct(db, kora, 'kora', 'demo_product_serum'), 'NOT_FOUND');
    await expectCode(updateProduct(db, kora, 'kora', 'demo_product_serum', { title: 'Pwned' }), 'NOT_FOUND');
    await expectCode(setProductImage(db, kora, 'kora', 'demo_product_serum', '/uploads/products/x.png'), 'NOT_FOUND');
    await expectCode(
      uploadProductImage(db, new LocalDiskStore(os.tmpdir()), kora, 'kora', 'demo_product_serum', new Uint8Array([0xff, 0xd8, 0xff, 0])),
      'NOT_FOUND',
    );
  });
});
