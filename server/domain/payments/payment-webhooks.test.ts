import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { placeShowOrder } from '../orders';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { receivePaymentWebhook, REFUND_WEBHOOK_GRACE_SECONDS } from './payment-webhooks';
import { TestPaymentProvider } from './test-provider';
import type { PaymentWebhookEvent } from './webhook-events';
import { paymentWebhookSecret, signPaymentWebhook } from './webhook-signature';

let database: TestDatabase;
let actors: DemoActors;
let variantId: string;
const secret = paymentWebhookSecret('webhook-test-auth-secret-long-enough-0123');
const config = { secret, provider: 'test' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  const show = await database.prisma.show.update({
    where: { id: DEMO_SHOW_ID },
    data: { status: 'LIVE', maxPerBuyer: 1000 },
    select: { lineup: { select: { productId: true }, take: 1 } },
  });
  variantId = (await database.prisma.productVariant.findFirstOrThrow({ where: { productId: show.lineup[0]!.productId } })).id;
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 100 } });
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

/** Places an order with a provider whose webhooks are collected instead of sent. */
async function orderWithEvents() {
  const events: PaymentWebhookEvent[] = [];
  const payments = new TestPaymentProvider({ webhooks: (e) => events.push(e) });
  const order = await placeShowOrder(database.prisma, payments, actors.viewer, {
    showId: DEMO_SHOW_ID,
    variantId,
    quantity: 1,
    idempotencyKey: randomUUID(),
  });
  return { order, events, payments };
}

function signed(event: PaymentWebhookEvent, opts: { secret?: string; at?: number } = {}) {
  const body = JSON.stringify(event);
  return { body, signature: signPaymentWebhook(opts.secret ?? secret, body, opts.at ?? nowSeconds()) };
}

describe('payment webhooks', () => {
  it('a signed payment.captured writes the Payment row an order lost; the same event again is acknowledged and ignored', async () => {
    const { order, events } = await orderWithEvents();
    await database.prisma.payment.deleteMany({ where: { orderId: order.id } });
    const captured = events.find((e) => e.type === 'payment.captured')!;
    expect(await receivePaymentWebhook(database.prisma, config, signed(captured))).toMatchObject({ duplicate: false });
    expect(await database.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: 'CAPTURED',
      amountMinor: order.totalMinor,
    });
    await database.prisma.payment.deleteMany({ where: { orderId: order.id } });
    expect(await receivePaymentWebhook(database.prisma, config, signed(captured))).toMatchObject({ duplicate: true });
    expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
    expect(await database.prisma.paymentWebhookEvent.count({ where: { id: captured.id } })).toBe(1);
  });

  it('refuses a tampered body, an old timestamp, a wrong secret and a missing signature, recording nothing', async () => {
    const { events } = await orderWithEvents();
    const event = events[0]!;
    const good = signed(event);
    const tampered = { ...good, body: good.body.replace(/"amountMinor":\d+/, '"amountMinor":1') };
    await expectAppError(receivePaymentWebhook(database.prisma, config, tampered), 'FORBIDDEN');
    await expectAppError(receivePaymentWebhook(database.prisma, config, signed(event, { at: nowSeconds() - 6 * 60 })), 'FORBIDDEN');
    await expectAppError(
      receivePaymentWebhook(
        database.prisma,
        config,
        signed(event, { secret: paymentWebhookSecret('another-auth-secret-that-is-long-enough') }),
      ),
      'FORBIDDEN',
    );
    await expectAppError(receivePaymentWebhook(database.prisma, config, { body: good.body, signature: null }), 'FORBIDDEN');
    await expectAppError(receivePaymentWebhook(database.prisma, config, { body: good.body, signature: 't=1,v1=zz' }), 'FORBIDDEN');
    expect(await database.prisma.paymentWebhookEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it('a refund we have not recorded is "retry later" at first, and recorded from the event once the grace time has passed', async () => {
    const { order, payments } = await orderWithEvents();
    const events: PaymentWebhookEvent[] = [];
    const refunds = new TestPaymentProvider({ webhooks: (e) => events.push(e) });
    const reference = (await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentRef!;
    expect(payments.name).toBe(refunds.name);
    await refunds.refund({ reference, amountMinor: order.totalMinor, idempotencyKey: `order:${order.id}:lost` });
    const refund = events.find((e) => e.type === 'refund.succeeded')!;
    await expectAppError(receivePaymentWebhook(database.prisma, config, signed(refund)), 'INVALID_STATE');
    expect(await database.prisma.paymentWebhookEvent.count({ where: { id: refund.id } })).toBe(0);

    const later = new Date((refund.created + REFUND_WEBHOOK_GRACE_SECONDS + 1) * 1000);
    const body = JSON.stringify(refund);
    await receivePaymentWebhook(
      database.prisma,
      config,
      { body, signature: signPaymentWebhook(secret, body, Math.floor(later.getTime() / 1000)) },
      later,
    );
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: 'REFUNDED',
      refundedMinor: order.totalMinor,
    });
    expect(await database.prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
  });
});
