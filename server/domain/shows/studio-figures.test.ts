import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { buy, type OrderFixtures, useOrderDatabase } from '../orders/order-test-support';
import { recordShowAudience } from './show-audience';
import { getStudioFigures } from './studio-figures';
import { expectAppError, type DemoActors } from '../test-actors';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

describe('studio figures', () => {
  it('count every paid order of the show from the database, past the 50 the live feed keeps', async () => {
    // 60 orders: more than the studio's live feed ever held, so only the database can know the total.
    for (let i = 0; i < 60; i++)
      await buy(database.prisma, i % 2 ? actors.viewer : actors.viewer2, fx.lumenShowId, fx.lumenVariantId, 1 + (i % 3));
    await buy(database.prisma, actors.viewer, fx.koraShowId, fx.koraVariantId, 1); // another show: not counted
    const expected = await database.prisma.order.aggregate({
      where: { showId: fx.lumenShowId, status: 'PAID' },
      _sum: { totalMinor: true },
      _count: { _all: true },
    });
    const units = await database.prisma.orderItem.aggregate({ where: { order: { showId: fx.lumenShowId } }, _sum: { quantity: true } });

    const figures = await getStudioFigures(database.prisma, actors.host, fx.lumenShowId);

    expect(figures.orders).toBe(60);
    expect(figures.orders).toBe(expected._count._all);
    expect(figures.revenue).toEqual([{ currency: 'USD', totalMinor: expected._sum.totalMinor }]);
    expect(figures.topProducts[0]).toMatchObject({ units: units._sum.quantity });
    expect(figures.recentSales).toHaveLength(20);
    expect(figures.recentSales[0]!.orderNumber).toBeGreaterThan(figures.recentSales[1]!.orderNumber);
  });

  it('leave cancelled orders out and subtract refunds', async () => {
    const before = await getStudioFigures(database.prisma, actors.host, fx.lumenShowId);
    const [cancelled, refunded] = await database.prisma.order.findMany({
      where: { showId: fx.lumenShowId },
      orderBy: { number: 'asc' },
      take: 2,
    });
    await database.prisma.order.update({ where: { id: cancelled!.id }, data: { status: 'CANCELLED' } });
    await database.prisma.order.update({ where: { id: refunded!.id }, data: { refundedMinor: 100 } });

    const after = await getStudioFigures(database.prisma, actors.host, fx.lumenShowId);

    expect(after.orders).toBe(before.orders - 1);
    expect(after.revenue[0]!.totalMinor).toBe(before.revenue[0]!.totalMinor - cancelled!.totalMinor - 100);
  });

  it('carry the audience recorded at the end, never lowered by a later, smaller count', async () => {
    expect((await getStudioFigures(database.prisma, actors.host, fx.lumenShowId)).audience).toBeNull();
    await recordShowAudience(database.prisma, fx.lumenShowId, { peak: 7, unique: 12 });
    await recordShowAudience(database.prisma, fx.lumenShowId, { peak: 2, unique: 3 });
    expect((await getStudioFigures(database.prisma, actors.host, fx.lumenShowId)).audience).toEqual({ peak: 7, unique: 12 });
  });

  it('are the host’s only: anyone else is FORBIDDEN', async () => {
    await expectAppError(getStudioFigures(database.prisma, actors.viewer, fx.lumenShowId), 'FORBIDDEN');
    await expectAppError(getStudioFigures(database.prisma, actors.host, 'no-such-show'), 'NOT_FOUND');
  });
});
