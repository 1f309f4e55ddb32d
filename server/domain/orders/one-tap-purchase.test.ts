import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PrismaClient } from '../../db/client';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { emailJobKey } from '../../mail/outbox';
import { webhookJobKey } from '../events';
import { checkoutBag, setBagItem } from '../bag';
import { CountingClient, goLive, makeBuyers, sent, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { queueReceiptEmail, receiptEmailKey } from './order-emails';
import { placeShowOrder } from './orders';
import { CountingProvider } from '../payments/test-support';
import { stockGate } from '../catalog';
import { BrandPaymentRouter } from '../brand-payments';
import { secretsKey } from '../simulcast';
import { expectAppError } from '../test-actors';

// One tap against the real database: what it writes, how many statements it
// costs before its answer, and that it is never PAID without money taken.
let database: TestDatabase;
let pool: pg.Pool;
let counted: PrismaClient;
let variantId: string;
let brandId: string;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  const show = await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 }, select: { brandId: true } });
  brandId = show.brandId;
  variantId = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).id;
  pool = new pg.Pool({ connectionString: database.url, max: 2, Client: CountingClient });
  counted = new PrismaClient({ adapter: new PrismaPg(pool) });
  await counted.$queryRaw`SELECT 1`;
}, 120_000);

afterAll(async () => {
  await counted?.$disconnect();
  // The adapter was given this pool, so ending it is ours to do.
  await pool?.end();
  await database?.stop();
});

let payments: CountingProvider;
beforeEach(async () => {
  payments = new CountingProvider();
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 50 } });
  // The stock was set behind the node's back (as setVariantStock would tell it).
  stockGate.forget(variantId);
});

const stock = async () =>
  (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
const tap = (buyer: Actor, idempotencyKey = randomUUID(), db: PrismaClient = database.prisma) =>
  placeShowOrder(db, payments, buyer, { showId, variantId, quantity: 1, idempotencyKey });

describe('one tap', () => {
  it('costs one database round trip before its answer with the in-process provider, and that one wrote the order, its Payment row, its PAID timeline row, order.created and order.paid with their webhooks, and the receipt job', async () => {
    const endpoint = await database.prisma.webhookEndpoint.create({
      data: { brandId, url: 'https://hooks.example/orders', secret: 'whsec_test', events: ['order.created', 'order.paid'] },
    });
    const [buyer] = await makeBuyers(database.prisma, 1);
    sent.statements = 0;
    const order = await tap(buyer!, randomUUID(), counted);
    expect(sent.statements).toBe(1);

    expect(order).toMatchObject({ status: 'PAID', replayed: false, stockAfter: 49 });
    const row = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true, events: true } });
    expect(row).toMatchObject({ status: 'PAID', source: 'ONE_TAP', paymentRef: expect.stringMatching(/^test_auth_/) });
    expect(row.paidAt).not.toBeNull();
    expect(row.payments).toEqual([
      expect.objectContaining({ status: 'CAPTURED', amountMinor: order.totalMinor, reference: row.paymentRef, provider: 'test' }),
    ]);
    expect(row.events.map((e) => e.status)).toEqual(['PAID']);
    const events = await database.prisma.brandEvent.findMany({
      where: { data: { path: ['orderId'], equals: order.id } },
      include: { deliveries: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.type).sort()).toEqual(['order.created', 'order.paid']);
    for (const event of events) {
      expect(event.deliveries.map((d) => d.endpointId)).toEqual([endpoint.id]);
      expect(
        await database.prisma.job.count({ where: { dedupeKey: webhookJobKey(event.deliveries[0]!.id), kind: 'webhook.deliver' } }),
      ).toBe(1);
    }
    // The receipt's job names the order; the email is composed when that job runs.
    const receiptJob = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: `order-receipt:${order.id}` } });
    expect(receiptJob).toMatchObject({ kind: 'order.receipt', payload: { orderId: order.id } });
    await queueReceiptEmail(database.prisma, order.id, null);
    const receipt = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: emailJobKey(receiptEmailKey(order.id)) } });
    expect(receipt.kind).toBe('email.send');
    expect((receipt.payload as { subject: string }).subject).toBe(`Your receipt for order #${order.number}`);
    // The provider was told of the charge the statement recorded: one authorization, one capture.
    expect(payments.authorizations.size).toBe(1);
    expect(payments.captures.get(row.paymentRef!)).toBe(1);
    await database.prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it("pays in the statement only for the cards the in-process provider settles for certain: the database's pattern and the provider's authorize agree", async () => {
    const tokens = [
      'tok_test_visa_4242',
      'tok_test_visa_decline',
      'tok_test_visa_insufficient',
      'tok_test_mastercard_4444_ab12cd',
      'tok_live_x',
    ];
    const pattern = payments.inlineCharge.certainTokens;
    for (const token of tokens) {
      const [row] = await database.prisma.$queryRaw<{ certain: boolean }[]>`SELECT ${token} ~ ${pattern} AS certain`;
      const authorized = await payments.authorize({ token, amountMinor: 1, currency: 'USD', idempotencyKey: randomUUID() });
      expect({ token, certain: row!.certain }).toEqual({ token, certain: authorized.ok });
    }
  });

  it("a sale waiting for the variant's row lock does not join that row's lockers: the hot row never becomes a multixact", async () => {
    await database.prisma.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pgrowlocks');
    const buyers = await makeBuyers(database.prisma, 2);
    const [holder, waiter] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
    await Promise.all([holder.connect(), waiter.connect()]);
    const lines = JSON.stringify([{ variantId, quantity: 1, dealId: null }]);
    const reserve = (client: pg.Client, buyer: Actor) =>
      client.query<{ r: { outcome: string } }>('SELECT "reserve_order"($1, $2, $3, $4, $5::jsonb, $6, $7, $8::int) AS r', [
        randomUUID(),
        buyer.userId,
        showId,
        'ONE_TAP',
        lines,
        randomUUID(),
        null,
        null,
      ]);
    try {
      await holder.query('BEGIN');
      expect((await reserve(holder, buyers[0]!)).rows[0]!.r.outcome).toBe('RESERVED');
      const waiterPid = (await waiter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const waiting = reserve(waiter, buyers[1]!);
      // Until the second sale queues on the variant's row lock, with everything before it written.
      for (;;) {
        const [row] = await database.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${waiterPid} AND wait_event_type = 'Lock'`;
        if (row!.n === 1) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const locks = await database.prisma.$queryRawUnsafe<{ multi: boolean }[]>(`SELECT multi FROM pgrowlocks('"ProductVariant"')`);
      expect(locks).toEqual([{ multi: false }]);
      await holder.query('COMMIT');
      expect((await waiting).rows[0]!.r.outcome).toBe('RESERVED');
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
  });

  it("says how many of the product the buyer now has and the show's limit, from the same round trips, and nothing on a replay", async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const key = randomUUID();
    sent.statements = 0;
    const first = await tap(buyer!, key, counted);
    expect(sent.statements).toBe(1);
    expect(first.bought).toEqual({ units: 1, max: 100 });
    expect((await tap(buyer!)).bought).toEqual({ units: 2, max: 100 });
    expect((await tap(buyer!, key)).bought).toBeNull();
  });

  it('answers a refused tap (sold out) after one round trip, without reaching the payment provider', async () => {
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 0 } });
    const [buyer] = await makeBuyers(database.prisma, 1);
    sent.statements = 0;
    await expectAppError(tap(buyer!, randomUUID(), counted), 'SOLD_OUT');
    expect(sent.statements).toBe(1);
    expect(payments.authorizations.size).toBe(0);
  });

  it("a storm of taps on a sold-out variant, through the app's brand payment router, costs the database one round trip per cold cache and none per refusal", async () => {
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 0 } });
    const buyers = await makeBuyers(database.prisma, 20);
    // As the app runs it: every tap asks the router for the show's brand's provider before its statement.
    const router = new BrandPaymentRouter(counted, payments, { secretsKey: secretsKey('one-tap-purchase-test-secrets-key') });
    const storm = (db: PrismaClient) =>
      Promise.allSettled(
        buyers.map((buyer) => placeShowOrder(db, router, buyer, { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })),
      );
    const refusedAll = (results: PromiseSettledResult<unknown>[]) =>
      results.every((r) => r.status === 'rejected' && (r.reason as { key?: string }).key === 'SOLD_OUT');

    sent.statements = 0;
    expect(refusedAll(await storm(counted))).toBe(true);
    // The first tap's reserve_order, and the router's two reads (the show's brand, the brand's choice) made once for all.
    expect(sent.statements).toBe(3);

    stockGate.forget(variantId);
    sent.statements = 0;
    expect(refusedAll(await storm(counted))).toBe(true);
    expect(sent.statements).toBe(1);
    expect(payments.authorizations.size).toBe(0);
  });

  it('the retry of a tap the stock gate refused gets the same SOLD_OUT, even once the gate knows nothing fresh and a unit is back: one key, one answer', async () => {
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 0 } });
    const [first, second] = await makeBuyers(database.prisma, 2);
    await expectAppError(tap(first!), 'SOLD_OUT'); // the database's answer: the gate now knows 0
    const key = randomUUID();
    sent.statements = 0;
    await expectAppError(tap(second!, key, counted), 'SOLD_OUT');
    expect(sent.statements).toBe(0); // refused by the gate
    await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 1 } });
    stockGate.forget(variantId);
    await expectAppError(tap(second!, key, counted), 'SOLD_OUT');
    expect(await database.prisma.order.count({ where: { buyerId: second!.userId } })).toBe(0);
    expect(await stock()).toBe(1);
  });

  it('refuses with PAYMENT_NOT_CAPTURABLE a tap whose key was reused after its authorization was voided: no order is PAID, the unit comes back, nothing is charged', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const key = randomUUID();
    // The same key once authorized and voided (a refused checkout with this key, say).
    const earlier = await payments.authorize({
      token: 'tok_test_visa_4242',
      amountMinor: 1,
      currency: 'USD',
      idempotencyKey: `${buyer!.userId}:${key}`,
    });
    if (!earlier.ok) throw new Error('declined');
    await payments.void(earlier.reference);
    const before = await stock();

    await expectAppError(tap(buyer!, key), 'PAYMENT_NOT_CAPTURABLE');
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
    expect(await database.prisma.payment.count({ where: { reference: earlier.reference } })).toBe(0);
    expect(await stock()).toBe(before);
  });

  it('the same refusal holds for a bag checkout: its order is never PAID without the capture', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const key = randomUUID();
    const earlier = await payments.authorize({
      token: 'tok_test_visa_4242',
      amountMinor: 1,
      currency: 'USD',
      idempotencyKey: `${buyer!.userId}:${key}`,
    });
    if (!earlier.ok) throw new Error('declined');
    await payments.void(earlier.reference);
    await setBagItem(database.prisma, buyer!, { showId, variantId, quantity: 1 });
    const before = await stock();

    await expectAppError(checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: key }), 'PAYMENT_NOT_CAPTURABLE');
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
    expect(await stock()).toBe(before);
  });

  it('a declined card leaves no order and gives the reserved unit back', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.paymentMethod.updateMany({ where: { userId: buyer!.userId }, data: { token: 'tok_test_visa_decline' } });
    const before = await stock();
    await expectAppError(tap(buyer!), 'PAYMENT_DECLINED');
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
    expect(await stock()).toBe(before);
  });

  it('a retry with the same key while the first tap is still paying gets the same order: one authorization, one capture', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const key = randomUUID();
    const [first, second] = await Promise.all([tap(buyer!, key), tap(buyer!, key)]);
    expect(second.id).toBe(first.id);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(payments.authorizations.get(`${buyer!.userId}:${key}`)).toBe(1);
    expect([...payments.captures.values()]).toEqual([1]);
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(1);
  });

  it('a tap interrupted after its reservation is finished by its retry with the same key, once', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const key = randomUUID();
    // As if the process stopped right after reserve_order committed.
    const lines = JSON.stringify([{ variantId, quantity: 1, dealId: null }]);
    const [reserved] = await database.prisma.$queryRaw<{ r: { outcome: string; orderId: string } }[]>`
      SELECT "reserve_order"(${randomUUID()}, ${buyer!.userId}, ${showId}, 'ONE_TAP', ${lines}::jsonb, ${key}, ${null}, ${null}::int) AS r`;
    expect(reserved!.r.outcome).toBe('RESERVED');
    const order = await tap(buyer!, key);
    expect(order).toMatchObject({ id: reserved!.r.orderId, status: 'PAID', replayed: true });
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({
      status: 'PAID',
    });
    expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
    const again = await tap(buyer!, key);
    expect(again).toMatchObject({ id: order.id, status: 'PAID', replayed: true });
    expect([...payments.captures.values()]).toEqual([1]);
  });
});
