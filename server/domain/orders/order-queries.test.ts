import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import { parseCsv } from '../csv';
import { getBrandOrder, listBrandOrders } from './order-brand-queries';
import { cancelMyOrder } from './order-buyer-cancel';
import { decimalAmount, exportBrandOrdersCsv, ORDER_CSV_HEADER } from './order-export';
import { getMyOrder, listMyOrders } from './order-queries';
import { getHostStatement } from './order-statement';
import { buy, payments, prepareShows, type OrderFixtures } from './order-test-support';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;
let viewerOrders: { id: string; number: number }[];
let viewer2Order: { id: string; number: number };
let koraOrder: { id: string; number: number };

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  fx = await prepareShows(database.prisma);
  viewerOrders = [
    await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId, 1),
    await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId, 2),
  ];
  viewer2Order = await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId, 3);
  koraOrder = await buy(database.prisma, actors.viewer, fx.koraShowId, fx.koraVariantId, 1);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('buyer order reads', () => {
  it('list only the buyer’s own orders, newest first, across brands', async () => {
    const { orders } = await listMyOrders(database.prisma, actors.viewer);
    expect(orders.map((o) => o.id)).toEqual([koraOrder.id, viewerOrders[1]!.id, viewerOrders[0]!.id]);
    expect(orders[0]).toMatchObject({ brandName: 'Kora Outdoors', itemCount: 1 });
  });

  it('open an order by id, not by number (each brand counts from #1), and another buyer’s is NOT_FOUND', async () => {
    const byId = await getMyOrder(database.prisma, actors.viewer, viewerOrders[1]!.id);
    expect(byId).toMatchObject({ number: viewerOrders[1]!.number, canCancel: true, items: [expect.objectContaining({ quantity: 2 })] });
    // The viewer has a #1 from lumen and a #1 from kora.
    expect([viewerOrders[0]!.number, koraOrder.number]).toEqual([1, 1]);
    await expectAppError(getMyOrder(database.prisma, actors.viewer, '1'), 'NOT_FOUND');
    await expectAppError(getMyOrder(database.prisma, actors.viewer, viewer2Order.id), 'NOT_FOUND');
  });
});

describe('brand order reads', () => {
  it('list only the brand’s orders, filtered by status, show, buyer and number', async () => {
    const all = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', {});
    expect(all.orders.map((o) => o.id)).not.toContain(koraOrder.id);
    expect(all.total).toBe(3);
    const byBuyer = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { q: 'viewer2@demo' });
    expect(byBuyer.orders.map((o) => o.id)).toEqual([viewer2Order.id]);
    const byNumber = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { q: `#${viewerOrders[0]!.number}` });
    expect(byNumber.orders.map((o) => o.id)).toEqual([viewerOrders[0]!.id]);
    expect((await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { status: 'SHIPPED' })).total).toBe(0);
    expect((await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { show: fx.koraShowId })).total).toBe(0);
    // Kora's #1 and lumen's #1 share the number: searching it in lumen finds lumen's own.
    const koraNumber = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { q: String(koraOrder.number) });
    expect(koraNumber.orders.map((o) => o.id)).toEqual([viewerOrders[0]!.id]);
  });

  it('filter by dates on the brand’s clock, the end date included, and ignore malformed filters', async () => {
    const inRange = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { from: '2000-01-01', to: '2999-12-31' });
    expect(inRange.total).toBe(3);
    expect((await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { to: '2000-01-01' })).total).toBe(0);
    expect((await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { from: '2999-01-01' })).total).toBe(0);
    const junk = await listBrandOrders(database.prisma, actors.lumenOwner, 'lumen', { status: 'LOST', from: 'yesterday', page: '-3' });
    expect(junk).toMatchObject({ total: 3, page: 1 });
    expect(junk.filters.status).toBeUndefined();
  });

  it('brand A cannot list or open brand B’s orders', async () => {
    await expectAppError(listBrandOrders(database.prisma, actors.koraOwner, 'lumen', {}), 'NOT_FOUND');
    await expectAppError(getBrandOrder(database.prisma, actors.koraOwner, 'kora', viewerOrders[0]!.id), 'NOT_FOUND');
    expect((await getBrandOrder(database.prisma, actors.koraOwner, 'kora', String(viewerOrders[0]!.number))).id).toBe(koraOrder.id);
    const own = await getBrandOrder(database.prisma, actors.koraOwner, 'kora', koraOrder.id);
    expect(own.buyer.email).toBe('viewer@demo.live');
  });
});

describe('CSV export', () => {
  it('quotes commas and quotes, neutralises formulas, and writes amounts in major units', async () => {
    await database.prisma.user.update({ where: { id: actors.viewer2.userId }, data: { name: '=HYPERLINK("x"), Alex' } });
    const csv = await exportBrandOrdersCsv(database.prisma, actors.lumenOwner, 'lumen', { q: 'viewer2@demo' });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...ORDER_CSV_HEADER]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(ORDER_CSV_HEADER.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      order_number: String(viewer2Order.number),
      buyer_name: `'=HYPERLINK("x"), Alex`,
      currency: 'USD',
      subtotal: '114.00',
    });
    expect(csv).toContain('"\'=HYPERLINK(""x""), Alex"');
  });

  it('lists only the brand’s orders, and refuses members of other brands', async () => {
    const rows = parseCsv(await exportBrandOrdersCsv(database.prisma, actors.koraOwner, 'kora', {}));
    expect(rows.slice(1).map((r) => r[0])).toEqual([String(koraOrder.number)]);
    await expectAppError(exportBrandOrdersCsv(database.prisma, actors.koraOwner, 'lumen', {}), 'NOT_FOUND');
  });

  it('formats amounts in each currency’s own decimals', () => {
    expect(decimalAmount(1205, 'USD')).toBe('12.05');
    expect(decimalAmount(18900000, 'MNT')).toBe('189000.00');
    expect(decimalAmount(4000, 'JPY')).toBe('4000');
    expect(decimalAmount(-5, 'USD')).toBe('-0.05');
  });
});

describe('host statement', () => {
  it('sums sales and commission per show from the order lines, leaving out cancelled orders', async () => {
    const before = await getHostStatement(database.prisma, actors.host);
    const lumenBefore = before.shows.find((s) => s.showId === fx.lumenShowId)!;
    // 6 serums at 38.00 so far; 10 % commission.
    expect(lumenBefore).toMatchObject({
      orderCount: 3,
      salesMinor: 6 * 3800,
      commissionMinor: 6 * 380,
      commissionRateBps: 1000,
      currency: 'USD',
    });
    const kora = before.shows.find((s) => s.showId === fx.koraShowId)!;
    expect(kora).toMatchObject({ orderCount: 1, salesMinor: 18900000, commissionMinor: 1890000, currency: 'MNT' });
    expect(before.totals).toEqual(
      expect.arrayContaining([
        { currency: 'USD', salesMinor: 22800, commissionMinor: 2280 },
        { currency: 'MNT', salesMinor: 18900000, commissionMinor: 1890000 },
      ]),
    );

    await cancelMyOrder(database.prisma, payments, actors.viewer, viewerOrders[0]!.id);
    const after = (await getHostStatement(database.prisma, actors.host)).shows.find((s) => s.showId === fx.lumenShowId)!;
    expect(after).toMatchObject({ orderCount: 2, salesMinor: 5 * 3800, commissionMinor: 5 * 380 });
  });

  it('shows nothing of other hosts’ shows', async () => {
    const statement = await getHostStatement(database.prisma, actors.viewer);
    expect(statement).toEqual({ shows: [], totals: [] });
  });
});
