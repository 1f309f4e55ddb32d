import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { exportCatalogCsv, importCatalogCsv, MAX_IMPORT_ROWS, type ImportResult } from './catalog-csv';
import { formatMajorUnits, parseMajorUnits } from './catalog-format';
import type { Actor } from '../context';
import { parseCsv, restoreFormulaText, writeCsv } from '../csv';
import { AppError } from '../errors';

describe('CSV reading and writing (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF or LF, and drops the BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\nlast,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['last', '', ''],
    ]);
  });

  it('reads a file without a final line break and keeps empty quoted cells', () => {
    expect(parseCsv('a,""\r\nb,c')).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
  });

  it('refuses an unclosed quote or text after a closing quote, naming the row', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow(AppError);
    expect(() => parseCsv('a\n"open,b\n')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/Row 2/) }));
    expect(() => parseCsv('"a"b\n')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/after a closing quote/) }));
  });

  it('quotes only cells that need it and ends lines with CRLF', () => {
    expect(writeCsv([['plain', 'a,b', 'say "hi"', 'line\nbreak']])).toBe('plain,"a,b","say ""hi""","line\nbreak"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula by prefixing an apostrophe', () => {
    const cells = ['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'safe'];
    expect(parseCsv(writeCsv([cells]))[0]).toEqual(['\'=HYPERLINK("http://evil")', "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'safe']);
  });

  it('quotes every formula-like cell after neutralising it, even one with no separator, quote or line break', () => {
    // A spreadsheet splitting on ";" or tabs, or trimming the cell, must still see the apostrophe inside quotes.
    expect(writeCsv([['=1+2', '+1', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", 'safe']])).toBe(
      `"'=1+2","'+1","'-2","'@SUM(A1)","'\tx","'\rx","''=x",safe\r\n`,
    );
    expect(writeCsv([['=A1;=A2', 'a;b', 'tab\there']])).toBe(`"'=A1;=A2","a;b","tab\there"\r\n`);
  });

  it('gets every cell back exactly after writing and restoring, apostrophes included', () => {
    const cells = ['=1+1', "'=already quoted", "'plain", "it's fine", '-'];
    expect(parseCsv(writeCsv([cells]))[0]!.map(restoreFormulaText)).toEqual(cells);
  });

  it('writes prices in the currency’s own decimals and reads them back exactly', () => {
    expect(formatMajorUnits(1250, 'USD')).toBe('12.50');
    expect(formatMajorUnits(1500, 'JPY')).toBe('1500');
    expect(parseMajorUnits('12.5', 'USD')).toBe(1250);
    expect(parseMajorUnits('0.29', 'USD')).toBe(29);
    for (const bad of ['12.345', '-1', '1,200', '€12', '', '1e3']) expect(parseMajorUnits(bad, 'USD'), bad).toBeNull();
    expect(parseMajorUnits('12.5', 'JPY')).toBeNull();
  });
});

describe('catalog CSV export and import', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let lumen: Actor;
  let kora: Actor;
  const header = 'product_id,title,description,status,image_url,sku,variant_name,options,price,currency,stock';

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

  const variantCount = () => database.prisma.productVariant.count();
  const okResult = (result: ImportResult) => {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
    return result;
  };

  it('exports one row per variant with options, major-unit prices and the brand’s currency', async () => {
    const csv = await exportCatalogCsv(database.prisma, lumen, 'lumen');
    const [head, ...rows] = parseCsv(csv);
    expect(head!.join(',')).toBe(header);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual([
      'demo_product_serum',
      'Dewy Glow Serum',
      'Hyaluronic acid and niacinamide for a glass-skin glow.',
      'active',
      '/demo/products/serum.svg',
      'LUM-SERUM-30ML',
      '30 ml',
      'Size=30 ml',
      '38.00',
      'USD',
      '60',
    ]);
    expect(rows.map((r) => r[5])).not.toContain('KORA-FLEECE-S');
  });

  it('importing an unchanged export changes nothing', async () => {
    const csv = await exportCatalogCsv(database.prisma, lumen, 'lumen');
    const result = okResult(await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: false }));
    expect(result.counts).toEqual({ productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0, unchanged: 9 });
  });

  it('a dry run previews creates and updates without writing anything', async () => {
    const before = await variantCount();
    const csv = [
      header,
      'demo_product_serum,Dewy Glow Serum,,,,LUM-SERUM-30ML,30 ml,Size=30 ml,39.00,USD,70',
      ',Wool Beanie,Warm.,active,,BEANIE-RED,Red,Colour=Red,19.5,,12',
      ',Wool Beanie,,,,BEANIE-BLUE,Blue,Colour=Blue,19.50,USD,8',
    ].join('\n');
    const result = okResult(await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: true }));
    expect(result.applied).toBe(false);
    expect(result.counts).toEqual({ productsCreated: 1, productsUpdated: 0, variantsCreated: 2, variantsUpdated: 1, unchanged: 0 });
    expect(result.lines.map((l) => [l.row, l.sku, l.action, l.productTitle, l.price])).toEqual([
      [2, 'LUM-SERUM-30ML', 'update', 'Dewy Glow Serum', '39.00'],
      [3, 'BEANIE-RED', 'create', 'Wool Beanie', '19.50'],
      [4, 'BEANIE-BLUE', 'create', 'Wool Beanie', '19.50'],
    ]);
    expect(await variantCount()).toBe(before);
    expect((await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' } })).priceMinor).toBe(3800);
  });

  it('applying upserts by SKU: updates the known variant and creates a new product for a new title', async () => {
    const csv = [
      header,
      'demo_product_serum,Dewy Glow Serum,,,,LUM-SERUM-30ML,30 ml,Size=30 ml,39.00,USD,70',
      ',Wool Beanie,Warm.,active,,BEANIE-RED,Red,Colour=Red,19.5,,12',
      ',Wool Beanie,,,,BEANIE-BLUE,Blue,Colour=Blue,19.50,USD,8',
    ].join('\r\n');
    const result = okResult(await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: false }));
    expect(result.applied).toBe(true);
    const serum = await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, include: { product: true } });
    expect([serum.priceMinor, serum.stock, serum.product.description]).toEqual([
      3900,
      70,
      'Hyaluronic acid and niacinamide for a glass-skin glow.',
    ]);
    const beanie = await database.prisma.product.findFirstOrThrow({
      where: { title: 'Wool Beanie' },
      include: { variants: { orderBy: { sku: 'asc' } } },
    });
    expect(beanie).toMatchObject({ brandId: seed.brandId, status: 'ACTIVE', description: 'Warm.' });
    expect(beanie.variants.map((v) => [v.sku, v.options, v.priceMinor, v.currency, v.stock])).toEqual([
      ['BEANIE-BLUE', { Colour: 'Blue' }, 1950, 'USD', 8],
      ['BEANIE-RED', { Colour: 'Red' }, 1950, 'USD', 12],
    ]);
  });

  it('reports every bad row — price, status, currency, options, repeated SKU — and writes nothing', async () => {
    const before = await variantCount();
    const csv = [
      header,
      ',Good Row,,,,GOOD-1,One,,10.00,,1',
      ',Bad Price,,,,BAD-PRICE,One,,€10,,1',
      ',Bad Status,,published,,BAD-STATUS,One,,10,,1',
      ',Bad Currency,,,,BAD-CUR,One,,10,EUR,1',
      ',Bad Options,,,,BAD-OPT,One,Size,10,,1',
      ',Repeat,,,,GOOD-1,Two,,10,,-1',
    ].join('\n');
    const result = await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 7]);
    // Each problem is a reason with the values its sentence needs, so the import page can say it in the reader's language.
    expect(result.errors.map(({ reason, params }) => ({ reason, params }))).toEqual([
      { reason: 'AMOUNT_MALFORMED', params: { example: '12.50' } },
      { reason: 'CSV_STATUS_UNKNOWN', params: { status: 'published' } },
      { reason: 'CSV_CURRENCY_MISMATCH', params: { currency: 'USD', rowCurrency: 'EUR' } },
      { reason: 'CSV_OPTIONS_FORMAT', params: { options: 'Size' } },
      { reason: 'CSV_SKU_REPEATED', params: { sku: 'GOOD-1', row: 2 } },
      { reason: 'CSV_STOCK_INVALID', params: { stock: '-1' } },
    ]);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(
      /like 12\.50[\s\S]*status “published”[\s\S]*sells in USD[\s\S]*Size=M;Colour=Red[\s\S]*also appears in row 2[\s\S]*stock “-1”/,
    );
    expect(await variantCount()).toBe(before);
    expect(await database.prisma.product.count({ where: { title: 'Good Row' } })).toBe(0);
  });

  it('refuses a row whose SKU belongs to another brand and writes none of the file', async () => {
    const csv = [header, ',Fine Product,,,,FINE-1,One,,1.00,,1', ',Stolen Fleece,,,,KORA-FLEECE-M,M,Size=M,1.00,,999'].join('\n');
    const result = await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: false });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          sku: 'KORA-FLEECE-M',
          reason: 'CSV_SKU_OUTSIDE',
          params: { sku: 'KORA-FLEECE-M' },
          message: 'The SKU KORA-FLEECE-M is already used outside this catalog. Choose another SKU.',
        },
      ],
    });
    const fleece = await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'KORA-FLEECE-M' } });
    expect([fleece.productId, fleece.stock]).toEqual(['demo_product_kora_fleece', 30]);
    expect(await database.prisma.productVariant.count({ where: { sku: 'FINE-1' } })).toBe(0);
  });

  it('refuses a product_id from another brand as unknown', async () => {
    const csv = [header, 'demo_product_kora_fleece,Fleece,,,,NEW-FLEECE-XL,XL,Size=XL,1.00,,1'].join('\n');
    const result = await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: true });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 2, message: expect.stringMatching(/no product demo_product_kora_fleece in this catalog/) }],
    });
  });

  it('refuses different titles for one product across its rows', async () => {
    const csv = [
      header,
      'demo_product_lip,Velvet Lip Tint,,,,LUM-LIP-ROSE,Rose,Shade=Rose,18.00,,50',
      'demo_product_lip,Velvet Lip Stain,,,,LUM-LIP-CORAL,Coral,Shade=Coral,18.00,,50',
    ].join('\n');
    const result = await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: true });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 3, message: expect.stringMatching(/Row 2 gives this product a different title/) }],
    });
  });

  it('brings back formula-looking text exactly after an export and import', async () => {
    const csv = [header, `,"'=Cheap, really",'-50% off,,,EQ-1,One,,1.00,,1`].join('\n');
    okResult(await importCatalogCsv(database.prisma, lumen, 'lumen', csv, { dryRun: false }));
    const product = await database.prisma.product.findFirstOrThrow({ where: { variants: { some: { sku: 'EQ-1' } } } });
    expect([product.title, product.description]).toEqual(['=Cheap, really', '-50% off']);
    const exported = await exportCatalogCsv(database.prisma, lumen, 'lumen');
    expect(exported).toContain(`"'=Cheap, really","'-50% off`);
  });

  it('refuses files with missing columns, more rows than the limit, or no rows', async () => {
    await expect(importCatalogCsv(database.prisma, lumen, 'lumen', 'title,sku\nA,B', { dryRun: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: expect.stringMatching(/variant_name, price, stock/),
    });
    const tooMany = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `,T,,,,S-${i},V,,1,,1`)].join('\n');
    await expect(importCatalogCsv(database.prisma, lumen, 'lumen', tooMany, { dryRun: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: expect.stringMatching(/more than 5000 rows/),
    });
    await expect(importCatalogCsv(database.prisma, lumen, 'lumen', `${header}\n`, { dryRun: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('a member of kora can neither export nor import lumen’s catalog: NOT_FOUND, nothing written', async () => {
    await expect(exportCatalogCsv(database.prisma, kora, 'lumen')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const csv = [header, 'demo_product_serum,Hacked,,,,LUM-SERUM-50ML,50 ml,,1.00,,0'].join('\n');
    await expect(importCatalogCsv(database.prisma, kora, 'lumen', csv, { dryRun: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Through kora's own catalog the lumen SKU and product id are simply someone else's.
    const viaKora = await importCatalogCsv(database.prisma, kora, 'kora', csv, { dryRun: false });
    expect(viaKora).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringMatching(/already used outside this catalog/) }] });
    const serum = await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-50ML' }, include: { product: true } });
    expect([serum.product.title, serum.priceMinor, serum.stock]).toEqual(['Dewy Glow Serum', 5400, 40]);
  });
});
