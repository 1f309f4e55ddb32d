import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { StripeStandIn } from '../../../test/support/stripe-stand-in';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { BrandPaymentRouter, sealStripeCredentials } from '../brand-payments';
import { stockGate } from '../catalog';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { placeOrder } from '../orders';
import { refundOrder, TestPaymentProvider } from '../payments';
import { secretsKey } from '../simulcast';
import { demoActors, expectAppError } from '../test-actors';
import {
  finishCardSetup,
  payOutOrder,
  pendingAuthentication,
  receiveStripeWebhook,
  startCardSetup,
  Stripe,
  type StripePaymentProvider,
} from './index';
import type { StandInCard } from '../../../test/support/stripe-stand-in';

// The Stripe provider through the real order pipeline and database, against a local stand-in of
// the Stripe API reached through the SDK's host/port/protocol options. Webhooks are signed the way
// Stripe signs them (the SDK's generateTestHeaderString).
const KEY = secretsKey('stripe-test-secrets-key-that-is-long-enough');
const WEBHOOK_SECRET = 'whsec_standin0000';
let database: TestDatabase;
let standIn: StripeStandIn;
let router: BrandPaymentRouter;
let stripe: StripePaymentProvider;
let variantId: string;
let lumenOwner: Actor;

beforeAll(async () => {
  database = await startTestDatabase();
  standIn = await StripeStandIn.start();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, DEMO_SHOW_ID);
  const show = await database.prisma.show.update({ where: { id: DEMO_SHOW_ID }, data: { maxPerBuyer: 1000 }, select: { brandId: true } });
  const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
  variantId = variant.id;
  ({ lumenOwner } = await demoActors(database.prisma));
  await database.prisma.brandPaymentProvider.create({
    data: {
      brandId: show.brandId,
      kind: 'STRIPE',
      enabled: true,
      credentialsSealed: sealStripeCredentials(KEY, {
        secretKey: standIn.secretKey,
        publishableKey: 'pk_test_standin0000',
        webhookSecret: WEBHOOK_SECRET,
      }),
    },
  });
  router = new BrandPaymentRouter(database.prisma, new TestPaymentProvider(), { secretsKey: KEY, stripeApi: standIn.endpoint });
  stripe = (await router.resolve({ showId: DEMO_SHOW_ID })) as StripePaymentProvider;
}, 120_000);

afterAll(async () => {
  await standIn?.stop();
  await database?.stop();
});

beforeEach(async () => {
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 50 } });
  stockGate.forget(variantId);
});

/** A buyer with an address whose only card is saved for the brand through a SetupIntent (as Elements does). */
async function buyerWithCard(kind: StandInCard): Promise<Actor> {
  const [buyer] = await makeBuyers(database.prisma, 1);
  await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
  const setup = await startCardSetup(database.prisma, stripe, buyer!.userId);
  standIn.confirmSetup(setup.setupIntentId, kind);
  await finishCardSetup(database.prisma, stripe, buyer!.userId, setup.setupIntentId);
  return buyer!;
}

const tap = (buyer: Actor, idempotencyKey = randomUUID()) =>
  placeOrder(database.prisma, router, buyer, {
    showId: DEMO_SHOW_ID,
    source: 'ONE_TAP',
    lines: [{ variantId, quantity: 1 }],
    idempotencyKey,
  });

function signed(event: { id: string; type: string; object: Record<string, unknown> }): { body: string; signature: string } {
  const body = JSON.stringify({
    id: event.id,
    object: 'event',
    type: event.type,
    data: { object: event.object },
    created: 1,
    livemode: false,
  });
  return { body, signature: stripe.stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }) };
}

async function stock(): Promise<number> {
  return (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

describe('Stripe one-tap purchase', () => {
  it('a card saved through a SetupIntent buys in one tap: an off-session manual-capture PaymentIntent, captured after the stock is taken', async () => {
    const buyer = await buyerWithCard('visa');
    const card = await database.prisma.paymentMethod.findFirstOrThrow({ where: { userId: buyer.userId } });
    expect(card).toMatchObject({ provider: 'stripe', last4: '4242', isDefault: true });
    expect(card.token).toMatch(/^stripe:.+:cus_.+:pm_.+$/);

    const key = randomUUID();
    const placed = await tap(buyer, key);
    expect(placed.status).toBe('PAID');
    const payment = await database.prisma.payment.findFirstOrThrow({ where: { orderId: placed.order.orderId } });
    expect(payment).toMatchObject({ provider: 'stripe', status: 'CAPTURED', amountMinor: placed.order.totalMinor });
    const create = standIn.requests.find((r) => r.path === '/v1/payment_intents' && r.idempotencyKey === `pi-${buyer.userId}:${key}`);
    expect(create?.params).toMatchObject({
      capture_method: 'manual',
      off_session: 'true',
      confirm: 'true',
      amount: String(placed.order.totalMinor),
    });
    expect(standIn.intents.get(payment.reference)?.status).toBe('succeeded');
    expect(await stock()).toBe(49);
  });

  it('a declined card leaves no order and no units taken, and answers PAYMENT_DECLINED', async () => {
    const buyer = await buyerWithCard('declines');
    const error = await tap(buyer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYMENT_DECLINED');
    expect(await database.prisma.order.count({ where: { buyerId: buyer.userId, status: { in: ['PLACED', 'PAID'] } } })).toBe(0);
    expect(await stock()).toBe(50);
  });

  it('a card the bank wants confirmed waits in REQUIRES_ACTION with its units, and the signed webhook after 3-D Secure makes it PAID', async () => {
    const buyer = await buyerWithCard('authentication');
    const error = await tap(buyer).catch((e: unknown) => e);
    expect((error as AppError).reason).toBe('PAYMENT_AUTHENTICATION_REQUIRED');
    const waiting = await pendingAuthentication(database.prisma, buyer.userId);
    expect(waiting?.clientSecret).toMatch(/_secret_/);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: waiting!.orderId } });
    expect(order.status).toBe('PLACED');
    expect(await stock()).toBe(49);
    const row = await database.prisma.stripePayment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(row.status).toBe('REQUIRES_ACTION');

    // What stripe.handleNextAction does in the buyer's sheet; then Stripe announces it.
    standIn.completeAuthentication(row.paymentIntentId);
    const event = signed({
      id: `evt_${randomUUID()}`,
      type: 'payment_intent.amount_capturable_updated',
      object: { id: row.paymentIntentId, object: 'payment_intent' },
    });
    const receipt = await receiveStripeWebhook(database.prisma, stripe, WEBHOOK_SECRET, event);
    expect(receipt).toMatchObject({ duplicate: false, outcome: 'PAID' });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    expect(standIn.intents.get(row.paymentIntentId)?.status).toBe('succeeded');

    // Stripe sends an event again when it did not hear back in time: the replay does nothing.
    const captures = standIn.count('POST', /\/capture$/);
    expect(await receiveStripeWebhook(database.prisma, stripe, WEBHOOK_SECRET, event)).toMatchObject({ duplicate: true });
    expect(standIn.count('POST', /\/capture$/)).toBe(captures);
    expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
  });

  it('a failed 3-D Secure gives the units back when Stripe reports it', async () => {
    const buyer = await buyerWithCard('authentication');
    await tap(buyer).catch(() => undefined);
    const row = await database.prisma.stripePayment.findFirstOrThrow({ where: { paymentKey: { startsWith: `${buyer.userId}:` } } });
    standIn.completeAuthentication(row.paymentIntentId, false);
    const event = signed({
      id: `evt_${randomUUID()}`,
      type: 'payment_intent.payment_failed',
      object: { id: row.paymentIntentId, object: 'payment_intent' },
    });
    expect(await receiveStripeWebhook(database.prisma, stripe, WEBHOOK_SECRET, event)).toMatchObject({ outcome: 'RELEASED' });
    expect(await stock()).toBe(50);
  });

  it('a retried tap with the same key makes one PaymentIntent and one order', async () => {
    const buyer = await buyerWithCard('visa');
    const key = randomUUID();
    const creates = standIn.count('POST', /^\/v1\/payment_intents$/);
    const [first, second] = await Promise.all([tap(buyer, key), tap(buyer, key)]);
    const third = await tap(buyer, key);
    expect(new Set([first.order.orderId, second.order.orderId, third.order.orderId]).size).toBe(1);
    expect(third.replayed).toBe(true);
    expect(standIn.count('POST', /^\/v1\/payment_intents$/)).toBe(creates + 1);
    expect(await stock()).toBe(49);
  });

  it('a buyer whose only card is saved elsewhere gets CARD_NOT_ACCEPTED_HERE and keeps nothing reserved', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const error = await tap(buyer!).catch((e: unknown) => e);
    expect((error as AppError).reason).toBe('CARD_NOT_ACCEPTED_HERE');
    expect(await stock()).toBe(50);
  });
});

describe('Stripe refunds, webhooks and payouts', () => {
  it('a partial refund goes to Stripe once however often it is retried, and the rest can still be refunded', async () => {
    const buyer = await buyerWithCard('visa');
    const placed = await tap(buyer);
    const input = { amountMinor: 100, reason: 'scratched', idempotencyKey: `partial-${randomUUID()}`, restock: false };
    await refundOrder(database.prisma, router, lumenOwner, placed.order.orderId, input);
    await refundOrder(database.prisma, router, lumenOwner, placed.order.orderId, input);
    const reference = (await database.prisma.payment.findFirstOrThrow({ where: { orderId: placed.order.orderId } })).reference;
    expect(standIn.refunds.filter((r) => r.payment_intent === reference).map((r) => r.amount)).toEqual([100]);
    await refundOrder(database.prisma, router, lumenOwner, placed.order.orderId, {
      ...input,
      amountMinor: undefined,
      idempotencyKey: 'rest',
    });
    expect(standIn.refunds.filter((r) => r.payment_intent === reference).map((r) => r.amount)).toEqual([
      100,
      placed.order.totalMinor - 100,
    ]);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: placed.order.orderId } })).status).toBe('REFUNDED');
  });

  it('a webhook whose signature does not verify is refused with WEBHOOK_SIGNATURE_INVALID', async () => {
    const event = signed({ id: 'evt_forged', type: 'payment_intent.succeeded', object: { id: 'pi_x', object: 'payment_intent' } });
    await expectAppError(receiveStripeWebhook(database.prisma, stripe, 'whsec_other', event), 'FORBIDDEN');
    await expectAppError(
      receiveStripeWebhook(database.prisma, stripe, WEBHOOK_SECRET, { ...event, body: event.body.replace('pi_x', 'pi_y') }),
      'FORBIDDEN',
    );
  });

  it('Connect payouts transfer the brand its share once per order, behind the setting', async () => {
    const buyer = await buyerWithCard('visa');
    const placed = await tap(buyer);
    const off = { enabled: false, brandAccount: 'acct_brand1', hostAccounts: {} };
    expect(await payOutOrder(database.prisma, stripe, off, placed.order.orderId)).toEqual([]);
    const on = { ...off, enabled: true };
    const first = await payOutOrder(database.prisma, stripe, on, placed.order.orderId);
    expect(first).toEqual([expect.objectContaining({ kind: 'BRAND', destination: 'acct_brand1', amountMinor: placed.order.totalMinor })]);
    const again = await payOutOrder(database.prisma, stripe, on, placed.order.orderId);
    expect(again.map((t) => t.transferId)).toEqual(first.map((t) => t.transferId));
    expect(standIn.transfers.filter((t) => t.destination === 'acct_brand1')).toHaveLength(1);
  });
});

describe('the Stripe stand-in checks request shapes against the SDK types', () => {
  it('refuses a PaymentIntent without manual capture, as our flow must never send one', async () => {
    const client = new Stripe(standIn.secretKey, { ...standIn.endpoint, maxNetworkRetries: 0 });
    const customer = await client.customers.create({});
    const setup = await client.setupIntents.create({ customer: customer.id, usage: 'off_session' });
    const pm = standIn.confirmSetup(setup.id, 'visa');
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 100,
      currency: 'usd',
      customer: customer.id,
      payment_method: pm,
      confirm: true,
      off_session: true,
    };
    const error = await client.paymentIntents.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((error as Stripe.errors.StripeInvalidRequestError).param).toBe('capture_method');
  });
});
