import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { deleteAccount } from '../privacy';
import { fanOutPush } from './fan-out';
import { setPushPreferences, subscribePush } from './subscriptions';

let database: TestDatabase;
let seed: DemoSeed;
beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
});
afterAll(async () => database?.stop());

let n = 0;
async function personWithBrowsers(locale: string, browsers: number) {
  const user = await database.prisma.user.create({ data: { email: `push${++n}@test.live`, name: `Push ${n}`, locale } });
  for (let i = 0; i < browsers; i++) {
    await subscribePush(
      database.prisma,
      user.id,
      { endpoint: `https://push.example.com/${user.id}/${i}`, keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) } },
      { allowHttp: false },
    );
  }
  return user;
}

const sendsFor = async (userId: string) => {
  const ids = (await database.prisma.pushSubscription.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id);
  const jobs = await database.prisma.job.findMany({ where: { kind: 'push.send' }, select: { payload: true } });
  return jobs
    .map((j) => j.payload as { subscriptionId: string; title: string; url: string; urgency: string })
    .filter((p) => ids.includes(p.subscriptionId));
};

describe('web push fan-out', () => {
  it('an order update reaches each of the buyer’s browsers in their language, and none once order updates are off', async () => {
    const buyer = await personWithBrowsers('mn', 2);
    const order = await database.prisma.order.create({
      data: {
        buyerId: buyer.id,
        brandId: seed.brandId,
        totalMinor: 100,
        currency: 'USD',
        idempotencyKey: `push-${buyer.id}`,
        status: 'SHIPPED',
      },
    });
    expect(await fanOutPush(database.prisma, { event: 'order.status', orderId: order.id, status: 'SHIPPED' }, 15)).toBe(2);
    const sends = await sendsFor(buyer.id);
    expect(sends).toHaveLength(2);
    expect(sends[0]).toMatchObject({
      title: `#${order.number} захиалга замдаа гарлаа`,
      url: `/account/orders/${order.id}`,
      urgency: 'normal',
    });
    // Run again (a retried job): nothing is queued twice.
    await fanOutPush(database.prisma, { event: 'order.status', orderId: order.id, status: 'SHIPPED' }, 15);
    expect(await sendsFor(buyer.id)).toHaveLength(2);

    await setPushPreferences(database.prisma, buyer.id, { orders: false });
    expect(await fanOutPush(database.prisma, { event: 'order.status', orderId: order.id, status: 'DELIVERED' }, 15)).toBe(0);
  });

  it('an outbid alert goes to the person outbid while the auction runs, and not once they lead again', async () => {
    const bidder = await personWithBrowsers('en', 1);
    const variant = await database.prisma.productVariant.findFirstOrThrow({ where: { productId: seed.productIds[0] } });
    const auction = await database.prisma.auction.create({
      data: {
        id: `push-auction-${bidder.id}`,
        showId: seed.showId,
        productId: variant.productId,
        variantId: variant.id,
        currency: 'USD',
        startPriceMinor: 100,
        incrementMinor: 50,
        antiSnipeSeconds: 10,
        extendSeconds: 10,
        endsAt: new Date(Date.now() + 120_000),
        createdById: seed.hostId,
        leaderId: seed.viewerIds[0],
        priceMinor: 150,
        passedIds: [],
      },
    });
    expect(
      await fanOutPush(database.prisma, { event: 'auction.outbid', auctionId: auction.id, userId: bidder.id, priceMinor: 150 }, 15),
    ).toBe(1);
    const [send] = await sendsFor(bidder.id);
    expect(send).toMatchObject({ title: 'You were outbid', url: `/shows/${seed.showId}`, urgency: 'high' });

    await database.prisma.auction.update({ where: { id: auction.id }, data: { leaderId: bidder.id, priceMinor: 200 } });
    expect(
      await fanOutPush(database.prisma, { event: 'auction.outbid', auctionId: auction.id, userId: bidder.id, priceMinor: 200 }, 15),
    ).toBe(0);
  });

  it('deleting an account forgets its browsers and push settings', async () => {
    const person = await personWithBrowsers('en', 2);
    await setPushPreferences(database.prisma, person.id, { live: false });
    await deleteAccount(database.prisma, { userId: person.id, name: person.name }, person.email);
    expect(await database.prisma.pushSubscription.count({ where: { userId: person.id } })).toBe(0);
    expect(await database.prisma.pushPreference.count({ where: { userId: person.id } })).toBe(0);
  });
});
