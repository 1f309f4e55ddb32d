import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PrismaClient } from '../../db/client';
import { registerRawPool } from '../../db/raw';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { CountingClient, goLive, makeBuyers, sent, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { WEBHOOK_MAX_ATTEMPTS } from '../events';
import { CountingProvider } from '../payments/test-support';
import { stockGate } from '../catalog';
import { MAX_BATCH, reserveInBatch } from './order-batches';
import { placeOrder } from './order-pipeline';
import { placeShowOrder } from './orders';

// Group commit (order-batches.ts) against the real database: taps on one variant
// share statements, and each tap is still answered as if it had gone alone.
let database: TestDatabase;
let pool: pg.Pool;
let counted: PrismaClient;
let variantId: string;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  variantId = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).id;
  pool = new pg.Pool({ connectionString: database.url, max: 4, Client: CountingClient });
  // The failure test terminates a pooled connection on purpose; the pool reports it here besides failing its statement.
  pool.on('error', () => undefined);
  counted = new PrismaClient({ adapter: new PrismaPg(pool) });
  // As createPrismaClient does in the app: the order statements go straight to this pool.
  registerRawPool(counted, pool);
  await counted.$queryRaw`SELECT 1`;
}, 120_000);

afterAll(async () => {
  await counted?.$disconnect();
  await pool?.end();
  await database?.stop();
});

let payments: CountingProvider;
beforeEach(async () => {
  payments = new CountingProvider();
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 100 } });
  stockGate.forget(variantId);
});

const stock = async () =>
  (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;

/** A one-tap order straight into the pipeline (no stock gate), so the test decides which taps share a batch. */
const tap = (buyer: Actor, opts: { quantity?: number; dealId?: string | null; key?: string; couponCode?: string } = {}) =>
  placeOrder(counted, payments, buyer, {
    showId,
    source: 'ONE_TAP',
    lines: [{ variantId, quantity: opts.quantity ?? 1, dealId: opts.dealId ?? null }],
    idempotencyKey: opts.key ?? randomUUID(),
    couponCode: opts.couponCode ?? null,
    groupCommit: true,
  });

const reasonOf = (settled: PromiseSettledResult<unknown>) =>
  settled.status === 'fulfilled' ? 'SOLD' : settled.reason instanceof AppError ? settled.reason.key : String(settled.reason);

describe('group commit of one-tap purchases', () => {
  it('N concurrent taps on one variant cost far fewer than N statements, and every tap gets its own paid order, payment and receipt job', async () => {
    const buyers = await makeBuyers(database.prisma, 40);
    sent.statements = 0;
    const orders = await Promise.all(
      buyers.map((buyer) => placeShowOrder(counted, payments, buyer, { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })),
    );
    // At most the stock gate's first tap alone, then the 39 it held back: ceil(39 / MAX_BATCH) statements.
    expect(sent.statements).toBeLessThanOrEqual(1 + Math.ceil(39 / MAX_BATCH));
    expect(sent.statements).toBeLessThan(buyers.length / 10);
    expect(orders.every((o) => o.status === 'PAID' && !o.replayed)).toBe(true);
    expect(new Set(orders.map((o) => o.id)).size).toBe(40);
    expect(orders.map((o) => o.stockAfter).sort((a, b) => b! - a!)).toEqual(Array.from({ length: 40 }, (_, i) => 99 - i));
    expect(await stock()).toBe(60);
    const ids = orders.map((o) => o.id);
    expect(await database.prisma.payment.count({ where: { orderId: { in: ids }, status: 'CAPTURED' } })).toBe(40);
    expect(
      await database.prisma.job.count({ where: { kind: 'order.receipt', dedupeKey: { in: ids.map((id) => `order-receipt:${id}`) } } }),
    ).toBe(40);
    expect([...payments.captures.values()]).toEqual(Array.from({ length: 40 }, () => 1));
  });

  it('a mixed batch answers each tap as if alone: a buyer over its limit, a tap past the deal cap and taps after the last unit mid-batch are refused, the others sold', async () => {
    await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 3 } });
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 10 } });
    const variant = await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { productId: true } });
    const deal = await database.prisma.flashDeal.create({
      data: { showId, productId: variant.productId, variantId, priceMinor: 100, endsAt: new Date(Date.now() + 600_000), quantityCap: 2 },
    });
    const [a, b, c, d, e, f, g] = await makeBuyers(database.prisma, 7);
    sent.statements = 0;
    // Taps made in one turn leave together: one batch for the variant, one for the variant at the deal's price.
    const settled = await Promise.allSettled([
      tap(a!),
      tap(b!, { quantity: 4 }),
      tap(c!),
      tap(g!),
      tap(e!, { dealId: deal.id }),
      tap(d!, { dealId: deal.id }),
      tap(f!, { dealId: deal.id }),
    ]);
    expect(sent.statements).toBe(2);
    // b asks for more than the show's limit of 3; f finds the deal's cap of 2 taken by e and d.
    expect(settled.map(reasonOf)).toEqual(['SOLD', 'LIMIT_PER_BUYER', 'SOLD', 'SOLD', 'SOLD', 'SOLD', 'DEAL_OVER']);
    expect(await stock()).toBe(5);
    expect(await database.prisma.order.count({ where: { buyerId: { in: [b!.userId, f!.userId] } } })).toBe(0);
    expect(await database.prisma.flashDeal.findUniqueOrThrow({ where: { id: deal.id }, select: { soldCount: true } })).toEqual({
      soldCount: 2,
    });
    // Sold out mid-batch: the first tap takes the last unit, the two after it in the same statement are refused.
    sent.statements = 0;
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 1 } });
    const [h, i, j] = await makeBuyers(database.prisma, 3);
    const again = await Promise.allSettled([tap(h!), tap(i!), tap(j!)]);
    expect(sent.statements).toBe(1);
    expect(again.map(reasonOf)).toEqual(['SOLD', 'SOLD_OUT', 'SOLD_OUT']);
    expect(await database.prisma.payment.count({ where: { order: { buyerId: { in: [i!.userId, j!.userId] } } } })).toBe(0);
    await database.prisma.flashDeal.delete({ where: { id: deal.id } });
  });

  it('two taps with one key in one batch make one order, and both answers name it', async () => {
    const [buyer, other] = await makeBuyers(database.prisma, 2);
    const key = randomUUID();
    const reservation = (who: Actor, idempotencyKey: string) => ({
      orderId: randomUUID(),
      buyerId: who.userId,
      showId,
      source: 'ONE_TAP',
      lines: [{ variantId, quantity: 1, dealId: null }],
      idempotencyKey,
      couponCode: null,
      expectedTotalMinor: null,
      inline: JSON.stringify({
        provider: payments.name,
        reference: payments.inlineCharge.reference(`${who.userId}:${idempotencyKey}`),
        tokens: payments.inlineCharge.certainTokens,
        locale: null,
        webhookAttempts: WEBHOOK_MAX_ATTEMPTS + 1,
      }),
    });
    sent.statements = 0;
    // The placeOrder in-flight map keeps one process from doing this; two nodes' taps can still meet in one statement.
    const answers = (await Promise.all([
      reserveInBatch(counted, 'duplicate-key', reservation(other!, randomUUID())),
      reserveInBatch(counted, 'duplicate-key', reservation(buyer!, key)),
      reserveInBatch(counted, 'duplicate-key', reservation(buyer!, key)),
    ])) as { outcome: string; orderId: string }[];
    expect(sent.statements).toBe(1);
    expect(answers.map((a) => a.outcome)).toEqual(['PAID', 'PAID', 'REPLAY']);
    expect(answers[2]!.orderId).toBe(answers[1]!.orderId);
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId, idempotencyKey: key } })).toBe(1);
    expect(await database.prisma.payment.count({ where: { order: { buyerId: buyer!.userId } } })).toBe(1);
    // And a later batch with the same key answers the same order.
    const later = (await reserveInBatch(counted, 'duplicate-key', reservation(buyer!, key))) as { outcome: string; orderId: string };
    expect(later).toMatchObject({ outcome: 'REPLAY', orderId: answers[1]!.orderId });
  });

  it('a batch statement that fails answers every tap in it with the error a lone tap gets for the same failure, and commits none', async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    const before = await stock();
    /** Holds the variant's row lock, sends the taps, and kills the backend of the statement queued behind that lock. */
    const killedWhileWaiting = async (buyers: Actor[]) => {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM "ProductVariant" WHERE "id" = $1 FOR UPDATE', [variantId]);
      // Settled from the start: the killed statement's taps may reject before the loop below has ended.
      const taps = Promise.allSettled(buyers.map((buyer) => tap(buyer)));
      for (;;) {
        // Inside its transaction the locker would keep reading one snapshot of the activity; and only this
        // file's database: other files run beside it on the same cluster, buying too.
        await locker.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await locker.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%reserve_order%' AND pid <> pg_backend_pid()`,
        );
        if (rows[0]) {
          await locker.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const settled = await taps;
      await locker.query('ROLLBACK');
      return settled.map((s) => (s.status === 'rejected' ? (s.reason as Error) : null));
    };
    try {
      const [alone] = await killedWhileWaiting(await makeBuyers(database.prisma, 1));
      expect(alone).toBeInstanceOf(Error);
      const batch = await killedWhileWaiting(await makeBuyers(database.prisma, 3));
      // One failed statement: every tap in it rejected with that one error, of the lone tap's kind.
      expect(batch[0]).toBeInstanceOf(Error);
      expect(batch[1]).toBe(batch[0]);
      expect(batch[2]).toBe(batch[0]);
      expect(batch[0]!.constructor).toBe(alone!.constructor);
      expect(batch[0]!.message).toBe(alone!.message);
      expect(await stock()).toBe(before);
      // The lane is free again: the next tap is sold.
      const [next] = await makeBuyers(database.prisma, 1);
      await expect(tap(next!)).resolves.toMatchObject({ status: 'PAID' });
    } finally {
      await locker.end();
    }
  });
});

describe('a batch takes its stock last, so two batches of one variant overlap', () => {
  /** Holds the variant's row lock in its own transaction until the returned release is called. */
  const holdVariantRow = async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM "ProductVariant" WHERE "id" = $1 FOR UPDATE', [variantId]);
    return {
      /**
       * The backends of batch statements waiting for that row, once there are `count` of them; after
       * 10 s, those there are (fewer: the test fails on its count instead of hanging on the held row).
       */
      waiting: async (count: number) => {
        for (const giveUp = Date.now() + 10_000; ;) {
          // The locker is inside its transaction, which would keep reading one snapshot of the activity.
          await locker.query('SELECT pg_stat_clear_snapshot()');
          const { rows } = await locker.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%reserve_order%'
                AND pid <> pg_backend_pid() ORDER BY pid`,
          );
          if (rows.length >= count || Date.now() > giveUp) return rows.map((r) => r.pid);
          await new Promise((resolve) => setImmediate(resolve));
        }
      },
      advisoryLocksOf: async (pid: number) =>
        (
          await locker.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND locktype = 'advisory' AND granted`,
            [pid],
          )
        ).rows[0]!.n,
      release: async () => {
        await locker.query('ROLLBACK');
        await locker.end();
      },
    };
  };

  it('a batch places every one of its taps before it waits for the variant row, which it locks only to take their sum', async () => {
    const buyers = await makeBuyers(database.prisma, 5);
    const row = await holdVariantRow();
    try {
      const taps = buyers.map((buyer) => tap(buyer));
      const [pid] = await row.waiting(1);
      // Each tap takes its buyer's advisory lock (one buyer's purchases queue) before its rows: all
      // five are held while the batch waits, so all five were placed before it asked for the row.
      expect(await row.advisoryLocksOf(pid!)).toBe(5);
      await row.release();
      const orders = await Promise.all(taps);
      expect(orders.map((o) => o.order.stockAfter?.[0]?.stock)).toEqual([99, 98, 97, 96, 95]);
      expect(await stock()).toBe(95);
    } finally {
      await row.release().catch(() => undefined);
    }
  });

  it('two batches of one lane are at the database at once', async () => {
    const buyers = await makeBuyers(database.prisma, MAX_BATCH + 4);
    const row = await holdVariantRow();
    try {
      const taps = buyers.map((buyer) => tap(buyer));
      const pids = await row.waiting(2);
      expect(pids).toHaveLength(2);
      await row.release();
      const orders = await Promise.all(taps);
      expect(orders.every((o) => o.status === 'PAID')).toBe(true);
      expect(new Set(orders.map((o) => o.order.stockAfter?.[0]?.stock)).size).toBe(MAX_BATCH + 4);
      expect(await stock()).toBe(100 - (MAX_BATCH + 4));
    } finally {
      await row.release().catch(() => undefined);
    }
  });

  it('concurrent batches on one variant never oversell: the batch whose units went while it placed its taps is placed again, its taps refused SOLD_OUT with nothing committed', async () => {
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 10 } });
    // Forty taps: two batches at once, each placing its taps against the same 10 units while the row is held.
    const buyers = await makeBuyers(database.prisma, MAX_BATCH + 8);
    const row = await holdVariantRow();
    let settled: PromiseSettledResult<Awaited<ReturnType<typeof tap>>>[];
    try {
      const taps = Promise.allSettled(buyers.map((buyer) => tap(buyer)));
      expect(await row.waiting(2)).toHaveLength(2);
      await row.release();
      settled = await taps;
    } finally {
      await row.release().catch(() => undefined);
    }
    // Both batches placed their taps against the same ten units, and each would have sold up to ten:
    // the one whose units were gone by its final update was placed again tap by tap. Which taps win
    // depends on which batch's update came first; that ten are sold and not one more does not.
    const reasons = settled.map(reasonOf);
    expect(reasons.filter((r) => r === 'SOLD')).toHaveLength(10);
    expect(reasons.filter((r) => r !== 'SOLD').every((r) => r === 'SOLD_OUT')).toBe(true);
    expect(await stock()).toBe(0);
    const sold = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(sold.map((o) => o.order.stockAfter?.[0]?.stock).sort((a, b) => a! - b!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const refused = buyers.filter((_, i) => reasons[i] !== 'SOLD').map((b) => b.userId);
    expect(await database.prisma.order.count({ where: { buyerId: { in: refused } } })).toBe(0);
    expect(await database.prisma.order.count({ where: { buyerId: { in: buyers.map((b) => b.userId) } } })).toBe(10);
    expect(await database.prisma.payment.count({ where: { order: { buyerId: { in: buyers.map((b) => b.userId) } } } })).toBe(10);
    expect([...payments.captures.values()]).toEqual(Array.from({ length: 10 }, () => 1));
  });
});

describe("a batch of different buyers writes its sales' rows set-based", () => {
  const TABLES = ['Order', 'OrderItem', 'Payment', 'OrderEvent', 'BrandEvent', 'WebhookDelivery', 'Job'] as const;
  /** Counts INSERT statements (not rows) per table with statement-level triggers, until the returned stop. */
  const countInsertStatements = async () => {
    await database.prisma.$executeRawUnsafe(`CREATE TABLE "test_insert_statements" ("table" TEXT NOT NULL)`);
    await database.prisma.$executeRawUnsafe(`CREATE FUNCTION "test_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO "test_insert_statements" VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const table of TABLES)
      await database.prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_count_insert" AFTER INSERT ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "test_count_insert"()`,
      );
    return {
      counts: async () =>
        Object.fromEntries(
          (
            await database.prisma.$queryRawUnsafe<{ table: string; n: number }[]>(
              `SELECT "table", count(*)::int AS n FROM "test_insert_statements" GROUP BY 1`,
            )
          ).map((r) => [r.table, r.n]),
        ),
      stop: async () => {
        for (const table of TABLES) await database.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "test_count_insert" ON "${table}"`);
        await database.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "test_count_insert"() CASCADE`);
        await database.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "test_insert_statements"`);
      },
    };
  };

  /** A sale's rows with ids, numbers and times taken out: what must be the same whether the sale went alone or in a batch. */
  const rowsOf = async (orderId: string) => {
    const order = await database.prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { items: true, payments: true, events: true },
    });
    const events = await database.prisma.brandEvent.findMany({
      where: { data: { path: ['orderId'], equals: orderId } },
      include: { deliveries: true },
      orderBy: { type: 'asc' },
    });
    const jobs = await database.prisma.job.findMany({
      where: {
        OR: [
          { dedupeKey: `order-receipt:${orderId}` },
          { dedupeKey: { in: events.flatMap((e) => e.deliveries.map((d) => `webhook-delivery:${d.id}`)) } },
        ],
      },
      orderBy: { kind: 'asc' },
    });
    const drop = <T extends object>(row: T, ...keys: string[]) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k))) as Partial<T>;
    return {
      order: drop(
        order,
        'id',
        'number',
        'buyerId',
        'idempotencyKey',
        'addressId',
        'paymentMethodId',
        // The buyer's own name; the rest of the address is the same for every test buyer.
        'shipName',
        'paymentRef',
        'paidAt',
        'createdAt',
        'updatedAt',
        'items',
        'payments',
        'events',
      ),
      numbered: order.number > 0 && order.paidAt !== null,
      items: order.items.map((i) => drop(i, 'id', 'orderId', 'createdAt')),
      payments: order.payments.map((p) => drop(p, 'id', 'orderId', 'reference', 'createdAt', 'updatedAt')),
      orderEvents: order.events.map((e) => drop(e, 'id', 'orderId', 'actorId', 'createdAt')),
      brandEvents: events.map((e) => ({
        type: e.type,
        data: drop(e.data as Record<string, unknown>, 'orderId', 'orderNumber', 'reference'),
        number: (e.data as { orderNumber?: number }).orderNumber === order.number,
        deliveries: e.deliveries.length,
      })),
      jobs: jobs.map((j) => ({ kind: j.kind, maxAttempts: j.maxAttempts, payloadKeys: Object.keys(j.payload as object).sort() })),
    };
  };

  it('five buyers in one batch cost one INSERT per table, and each sale has exactly the rows it has when it goes alone', async () => {
    const brand = await database.prisma.show.findUniqueOrThrow({ where: { id: showId }, select: { brandId: true } });
    const endpoint = await database.prisma.webhookEndpoint.create({
      data: { brandId: brand.brandId, url: 'https://hooks.example/orders', secret: 'whsec_test', events: ['order.created', 'order.paid'] },
    });
    const [alone, ...batched] = await makeBuyers(database.prisma, 6);
    const statements = await countInsertStatements();
    try {
      const lone = await tap(alone!);
      const afterLone = await statements.counts();
      expect(afterLone).toMatchObject({ Order: 1, Payment: 1, BrandEvent: 1 });
      sent.statements = 0;
      const sales = await Promise.all(batched.map((buyer) => tap(buyer)));
      expect(sent.statements).toBe(1);
      const counts = await statements.counts();
      const inBatch = Object.fromEntries(TABLES.map((t) => [t, (counts[t] ?? 0) - (afterLone[t] ?? 0)]));
      // Five sales, one statement each for Order, OrderItem, Payment, OrderEvent, BrandEvent and the deliveries;
      // Job twice: the deliveries' jobs and the receipts. Written tap by tap, each would be five.
      expect(inBatch).toEqual({ Order: 1, OrderItem: 1, Payment: 1, OrderEvent: 1, BrandEvent: 1, WebhookDelivery: 1, Job: 2 });

      expect(sales.map((s) => s.order.stockAfter?.[0]?.stock)).toEqual([98, 97, 96, 95, 94]);
      expect(await stock()).toBe(94);
      // Each answer carries its order's number, as the database has it; the batch's numbers follow in tap order.
      const numbers = await database.prisma.order.findMany({
        where: { id: { in: sales.map((s) => s.order.orderId) } },
        select: { id: true, number: true },
      });
      const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
      expect(sales.map((s) => s.order.orderNumber)).toEqual(sales.map((s) => numberOf.get(s.order.orderId)));
      expect(sales.map((s) => s.order.orderNumber - lone.order.orderNumber)).toEqual([1, 2, 3, 4, 5]);
      const expected = await rowsOf(lone.order.orderId);
      expect(expected.jobs.map((j) => j.kind)).toEqual(['order.receipt', 'webhook.deliver', 'webhook.deliver']);
      for (const sale of sales) expect(await rowsOf(sale.order.orderId)).toEqual(expected);
      expect([...payments.captures.values()]).toEqual(Array.from({ length: 6 }, () => 1));
    } finally {
      await statements.stop();
      await database.prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    }
  });

  it('a batch mixing plain sales with a coupon tap and a card the statement cannot settle numbers its orders in tap order', async () => {
    const { brandId } = await database.prisma.show.findUniqueOrThrow({ where: { id: showId }, select: { brandId: true } });
    const coupon = await database.prisma.coupon.create({ data: { brandId, code: 'TAPORDER', kind: 'FIXED', value: 100 } });
    const [a, b, c, d, e, f] = await makeBuyers(database.prisma, 6);
    // d's card is declined by the provider: its tap reserves an order (its own rows, its number) that the charge then cancels.
    await database.prisma.paymentMethod.updateMany({ where: { userId: d!.userId }, data: { token: 'tok_test_visa_decline' } });
    const statements = await countInsertStatements();
    try {
      sent.statements = 0;
      const settled = await Promise.allSettled([tap(a!), tap(b!), tap(c!, { couponCode: coupon.code }), tap(d!), tap(e!), tap(f!)]);
      expect(sent.statements).toBeGreaterThanOrEqual(1);
      expect(settled.map(reasonOf)).toEqual(['SOLD', 'SOLD', 'SOLD', 'PAYMENT_DECLINED', 'SOLD', 'SOLD']);
      const buyers = [a, b, c, d, e, f].map((buyer) => buyer!.userId);
      const orders = await database.prisma.order.findMany({ where: { buyerId: { in: buyers } }, select: { buyerId: true, number: true } });
      const numberOf = new Map(orders.map((o) => [o.buyerId, o.number]));
      const first = numberOf.get(a!.userId)!;
      // Numbers follow the taps, whichever wrote its own rows: a and b before the coupon tap, then the declined card, e and f
      // last. The declined card's reservation was given back, its number left as a gap (as a lone tap's is).
      expect(buyers.map((id) => (numberOf.has(id) ? numberOf.get(id)! - first : null))).toEqual([0, 1, 2, null, 4, 5]);
      // The plain sales on each side of those taps still share their INSERTs: a and b, then e and f.
      expect((await statements.counts()).Order).toBe(4);
    } finally {
      await statements.stop();
      await database.prisma.coupon.delete({ where: { id: coupon.id } }).catch(() => undefined);
    }
  });

  // The same key twice in one batch: 'two taps with one key in one batch make one order' above.
  it('a buyer twice in one batch has each sale written as it is placed, so the later tap counts the earlier one against the limit', async () => {
    await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 1 } });
    const [twice, other] = await makeBuyers(database.prisma, 2);
    const settled = await Promise.allSettled([tap(twice!), tap(other!), tap(twice!)]);
    expect(settled.map(reasonOf)).toEqual(['SOLD', 'SOLD', 'LIMIT_PER_BUYER']);
    expect(await database.prisma.order.count({ where: { buyerId: twice!.userId } })).toBe(1);
    expect(await stock()).toBe(98);
  });
});
