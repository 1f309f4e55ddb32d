import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, DEMO_SHOW_ID } from '../../db/seed';
import { checkoutBag, setBagItem } from '../bag';
import { setVariantStock, stockGate } from '../catalog';
import { makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { placeShowOrder } from '../orders';
import { cancelOrder, TestPaymentProvider } from '../payments';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { emailWaitlistOffer, joinWaitlist, releaseExpiredHolds, waitlistStates } from './index';

// The waitlist against the real database: a restock holds one unit for each of the
// first people in line (whatever path raised the stock), nobody else can take a held
// unit, a holder buys it through the ordinary one tap, and an expired hold passes it on.
let database: TestDatabase;
let actors: DemoActors;
let variantId: string;
const payments = new TestPaymentProvider();
const HOLD_MINUTES = 5;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  await database.prisma.show.update({ where: { id: DEMO_SHOW_ID }, data: { status: 'LIVE', startedAt: new Date(), maxPerBuyer: 100 } });
  variantId = (await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, select: { id: true } })).id;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

beforeEach(async () => {
  // Each test starts sold out with nobody in line (rows of earlier tests are closed, not deleted).
  await database.prisma.waitlistEntry.deleteMany({});
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 0 } });
  stockGate.forget(variantId);
});

const prisma = () => database.prisma;
const stockNow = async () => (await prisma().productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;

async function queue(count: number): Promise<Actor[]> {
  const waiters = await makeBuyers(prisma(), count);
  // One after the other: the order they asked in is the order they are served in.
  for (const waiter of waiters) await joinWaitlist(prisma(), waiter, { variantId, showId: DEMO_SHOW_ID }, HOLD_MINUTES);
  return waiters;
}

/** One tap each, all at once; a holder says so (`held`), as the show page's toast does. */
async function tapAll(buyers: { actor: Actor; held: boolean }[]): Promise<{ sold: Set<string>; refusals: string[] }> {
  const results = await Promise.allSettled(
    buyers.map(({ actor, held }) =>
      placeShowOrder(prisma(), payments, actor, { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: randomUUID(), held }),
    ),
  );
  const sold = new Set<string>();
  const refusals: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') sold.add(buyers[i]!.actor.userId);
    else refusals.push(result.reason instanceof AppError ? result.reason.code : String(result.reason));
  });
  return { sold, refusals };
}

async function statuses(waiters: Actor[]): Promise<string[]> {
  const rows = await prisma().waitlistEntry.findMany({
    where: { variantId, userId: { in: waiters.map((w) => w.userId) } },
    select: { userId: true, status: true },
  });
  const byUser = new Map(rows.map((r) => [r.userId, r.status]));
  return waiters.map((w) => byUser.get(w.userId) ?? 'NONE');
}

describe('waitlist holds', () => {
  it('the first M of N waiters get the M restocked units while many buyers race them, and nobody oversells', async () => {
    const waiters = await queue(8);
    const crowd = await makeBuyers(prisma(), 24);
    const offersBefore = await prisma().job.count({ where: { kind: 'waitlist.offer' } });

    await setVariantStock(prisma(), variantId, 3);
    // The rule: a restock of 3 holds 3 units for the first 3 in line and leaves none for anyone else.
    expect(await stockNow()).toBe(0);
    expect(await statuses(waiters)).toEqual(['HELD', 'HELD', 'HELD', 'WAITING', 'WAITING', 'WAITING', 'WAITING', 'WAITING']);
    expect((await prisma().job.count({ where: { kind: 'waitlist.offer' } })) - offersBefore).toBe(3);

    // The crowd taps first and is refused: this node's stock gate now knows the variant is sold out,
    // and the holders who tap right after must still get through to their units.
    const crowdFirst = await tapAll(crowd.map((actor) => ({ actor, held: false })));
    expect(crowdFirst.sold.size).toBe(0);
    const first = await tapAll([
      ...crowd.map((actor) => ({ actor, held: false })),
      ...crowd.map((actor) => ({ actor, held: true })), // claiming a hold one does not have gets nothing
      ...waiters.map((actor) => ({ actor, held: true })),
    ]);
    expect([...first.sold].sort()).toEqual(
      waiters
        .slice(0, 3)
        .map((w) => w.userId)
        .sort(),
    );
    expect(new Set(first.refusals)).toEqual(new Set(['SOLD_OUT']));
    expect(await stockNow()).toBe(0);
    expect(await statuses(waiters)).toEqual(['BOUGHT', 'BOUGHT', 'BOUGHT', 'WAITING', 'WAITING', 'WAITING', 'WAITING', 'WAITING']);

    // More units than people still waiting: each of the 5 gets one, the crowd shares the other 2.
    await setVariantStock(prisma(), variantId, 7);
    expect(await stockNow()).toBe(2);
    const second = await tapAll([
      ...crowd.map((actor) => ({ actor, held: false })),
      ...waiters.slice(3).map((actor) => ({ actor, held: true })),
    ]);
    const waitersSold = waiters.slice(3).filter((w) => second.sold.has(w.userId));
    expect(waitersSold).toHaveLength(5);
    expect(second.sold.size).toBe(7);
    expect(await stockNow()).toBe(0);

    const units = await prisma().orderItem.aggregate({ where: { variantId, order: { showId: DEMO_SHOW_ID } }, _sum: { quantity: true } });
    expect(units._sum.quantity).toBe(10);
    const bought = await prisma().waitlistEntry.findMany({ where: { variantId, status: 'BOUGHT' }, select: { orderId: true } });
    expect(bought).toHaveLength(8);
    expect(bought.every((b) => b.orderId !== null)).toBe(true);
  }, 120_000);

  it('an expired hold is given back by the sweep and offered to the next waiter; the last one returns it to stock', async () => {
    const [a, b] = await queue(2);
    await setVariantStock(prisma(), variantId, 1);
    expect(await statuses([a!, b!])).toEqual(['HELD', 'WAITING']);
    const expire = () =>
      prisma().waitlistEntry.updateMany({ where: { variantId, status: 'HELD' }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });

    await expire();
    expect(await releaseExpiredHolds(prisma())).toEqual([{ variantId, units: 1 }]);
    expect(await statuses([a!, b!])).toEqual(['EXPIRED', 'HELD']);
    expect(await stockNow()).toBe(0);
    // The one whose time ran out cannot buy it any more; the next in line can.
    expect((await tapAll([{ actor: a!, held: true }])).refusals).toEqual(['SOLD_OUT']);
    expect((await waitlistStates(prisma(), b!.userId, [variantId])).get(variantId)?.status).toBe('HELD');

    await expire();
    await releaseExpiredHolds(prisma());
    expect(await statuses([a!, b!])).toEqual(['EXPIRED', 'EXPIRED']);
    // Nobody is left in line: the unit is everyone's again, and viewers' cards are told through the outbox.
    expect(await stockNow()).toBe(1);
    const events = await prisma().brandEvent.findMany({ where: { type: 'stock.changed' }, orderBy: { createdAt: 'desc' }, take: 1 });
    expect(events[0]?.data).toMatchObject({ variantId, stock: 1, previousStock: 0 });
  }, 60_000);

  it("units returned by a cancelled order go to the waitlist first, like a restock's", async () => {
    await setVariantStock(prisma(), variantId, 1);
    const [buyer] = await makeBuyers(prisma(), 1);
    const { sold } = await tapAll([{ actor: buyer!, held: false }]);
    expect(sold.size).toBe(1);
    const [waiter] = await queue(1);
    const order = await prisma().order.findFirstOrThrow({ where: { buyerId: buyer!.userId }, select: { id: true } });
    await cancelOrder(prisma(), payments, actors.lumenOwner, order.id, 'changed their mind');
    expect(await statuses([waiter!])).toEqual(['HELD']);
    expect(await stockNow()).toBe(0);
  }, 60_000);

  it('a holder whose card is declined keeps the hold until it expires; the next waiter is not offered the unit', async () => {
    const [holder, next] = await queue(2);
    await setVariantStock(prisma(), variantId, 1);
    const held = await prisma().waitlistEntry.findFirstOrThrow({ where: { userId: holder!.userId }, select: { holdExpiresAt: true } });
    const card = { userId: holder!.userId, isDefault: true };
    await prisma().paymentMethod.updateMany({ where: card, data: { token: 'tok_test_visa_decline' } });
    const declined = placeShowOrder(prisma(), payments, holder!, {
      showId: DEMO_SHOW_ID,
      variantId,
      quantity: 1,
      idempotencyKey: randomUUID(),
      held: true,
    });
    await expectAppError(declined, 'PAYMENT_DECLINED');
    expect(await statuses([holder!, next!])).toEqual(['HELD', 'WAITING']);
    const after = await prisma().waitlistEntry.findFirstOrThrow({
      where: { userId: holder!.userId },
      select: { holdExpiresAt: true, orderId: true },
    });
    expect(after).toEqual({ holdExpiresAt: held.holdExpiresAt, orderId: null });
    expect(await stockNow()).toBe(0);
    // With another card the unit is still theirs to buy.
    await prisma().paymentMethod.updateMany({ where: card, data: { token: 'tok_test_visa_4242' } });
    expect((await tapAll([{ actor: holder!, held: true }])).sold.size).toBe(1);
    expect(await statuses([holder!, next!])).toEqual(['BOUGHT', 'WAITING']);
  }, 60_000);

  it('a declined charge that outlived the hold passes the unit on to the next waiter, and the entry ends EXPIRED', async () => {
    const [holder, next] = await queue(2);
    await setVariantStock(prisma(), variantId, 1);
    await prisma().paymentMethod.updateMany({ where: { userId: holder!.userId }, data: { token: 'tok_test_visa_decline' } });
    // The hold runs out while the provider is thinking: reserve_order spent it, release_order finds it over.
    const slow = new (class extends TestPaymentProvider {
      override async authorize(request: Parameters<TestPaymentProvider['authorize']>[0]) {
        await prisma().waitlistEntry.updateMany({
          where: { userId: holder!.userId },
          data: { holdExpiresAt: new Date(Date.now() - 1000) },
        });
        return super.authorize(request);
      }
    })();
    const declined = placeShowOrder(prisma(), slow, holder!, {
      showId: DEMO_SHOW_ID,
      variantId,
      quantity: 1,
      idempotencyKey: randomUUID(),
      held: true,
    });
    await expectAppError(declined, 'PAYMENT_DECLINED');
    expect(await statuses([holder!, next!])).toEqual(['EXPIRED', 'HELD']);
    expect(await stockNow()).toBe(0);
  }, 60_000);

  it('a holder buys the held unit through the bag too, and nobody else can put it in theirs', async () => {
    const [waiter] = await queue(1);
    const [other] = await makeBuyers(prisma(), 1);
    await setVariantStock(prisma(), variantId, 1);
    await expectAppError(setBagItem(prisma(), other!, { showId: DEMO_SHOW_ID, variantId, quantity: 1 }), 'SOLD_OUT');
    await setBagItem(prisma(), waiter!, { showId: DEMO_SHOW_ID, variantId, quantity: 1 });
    const order = await checkoutBag(prisma(), payments, waiter!, { showId: DEMO_SHOW_ID, idempotencyKey: randomUUID() });
    expect(order.number).toBeGreaterThan(0);
    expect(await statuses([waiter!])).toEqual(['BOUGHT']);
    expect(await stockNow()).toBe(0);
  }, 60_000);

  it('joining the line for a variant in stock is refused with WAITLIST_IN_STOCK, and asking twice keeps one place', async () => {
    const [early, late] = await queue(2);
    await joinWaitlist(prisma(), early!, { variantId }, HOLD_MINUTES);
    expect((await waitlistStates(prisma(), late!.userId, [variantId])).get(variantId)).toEqual({ status: 'WAITING', position: 2 });
    await setVariantStock(prisma(), variantId, 3);
    const [other] = await makeBuyers(prisma(), 1);
    const refusal = joinWaitlist(prisma(), other!, { variantId }, HOLD_MINUTES);
    await expectAppError(refusal, 'INVALID_STATE');
    await expect(refusal).rejects.toMatchObject({ reason: 'WAITLIST_IN_STOCK' });
  });

  it("the offer email goes out once, in the waiter's language, and not for a hold that already ended", async () => {
    const [waiter] = await queue(1);
    await prisma().user.update({ where: { id: waiter!.userId }, data: { locale: 'mn' } });
    await setVariantStock(prisma(), variantId, 1);
    const job = await prisma().job.findFirstOrThrow({
      where: { kind: 'waitlist.offer' },
      orderBy: { createdAt: 'desc' },
      select: { payload: true },
    });
    const { entryId, heldAt } = job.payload as { entryId: string; heldAt: string };
    await emailWaitlistOffer(prisma(), entryId, heldAt, 'https://shop.example');
    await emailWaitlistOffer(prisma(), entryId, heldAt, 'https://shop.example');
    const emails = await prisma().job.findMany({
      where: { kind: 'email.send', dedupeKey: { contains: entryId } },
      select: { payload: true },
    });
    expect(emails).toHaveLength(1);
    const email = emails[0]!.payload as { subject: string; text: string };
    expect(email.subject).toContain('Дахин нөөцөд ирлээ');
    expect(email.text).toContain(`https://shop.example/shows/${DEMO_SHOW_ID}`);
  });
});
