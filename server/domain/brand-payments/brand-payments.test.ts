import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { StripeStandIn } from '../../../test/support/stripe-stand-in';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import { AppError } from '../errors';
import { placeOrder, sweepOrphanedReservations } from '../orders';
import { TestPaymentProvider } from '../payments';
import { secretsKey } from '../simulcast';
import { StripePaymentProvider } from '../stripe-payments';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import {
  BrandPaymentRouter,
  chooseCardProvider,
  finishBankCheck,
  finishStripeCardForm,
  getCardProviderSettings,
  saveStripeKeys,
  startStripeCardForm,
  testStripeConnection,
  waitingConfirmation,
} from './index';

// A brand's card provider, chosen on its payments page: keys sealed and shown by their last four,
// the choice honoured by the next order, and the buyer's card form for that brand.
const KEY = secretsKey('brand-payments-test-secrets-key-long-enough');
let database: TestDatabase;
let standIn: StripeStandIn;
let router: BrandPaymentRouter;
let actors: DemoActors;
const keys = () => ({ secretKey: standIn.secretKey, publishableKey: 'pk_test_brandpay1234', webhookSecret: 'whsec_brandpay5678' });

beforeAll(async () => {
  database = await startTestDatabase();
  standIn = await StripeStandIn.start('sk_test_brandpayABCD');
  await seedDemoData(database.prisma);
  await goLive(database.prisma, DEMO_SHOW_ID);
  actors = await demoActors(database.prisma);
  router = new BrandPaymentRouter(database.prisma, new TestPaymentProvider(), { secretsKey: KEY, stripeApi: standIn.endpoint });
}, 120_000);

afterAll(async () => {
  await standIn?.stop();
  await database?.stop();
});

describe('a brand’s card provider', () => {
  it('is the test provider until the owner saves Stripe keys and chooses Stripe; then the next order goes to Stripe, and back', async () => {
    const lumen = (
      await database.prisma.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID }, select: { brand: { select: { slug: true } } } })
    ).brand.slug;
    expect((await getCardProviderSettings(database.prisma, KEY, actors.lumenOwner, lumen)).active).toBe('TEST');
    // The show page admits Stripe.js (the 3-D Secure sheet) only while its brand takes Stripe cards.
    expect(await router.showTakesStripe(DEMO_SHOW_ID)).toBe(false);
    await expectAppError(chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'STRIPE'), 'INVALID_STATE');

    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, lumen, keys());
    await chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'STRIPE');
    const view = await getCardProviderSettings(database.prisma, KEY, actors.lumenOwner, lumen);
    expect(view).toMatchObject({
      active: 'STRIPE',
      stripe: { saved: true, secretKeyLast4: 'ABCD', publishableKeyLast4: '1234', webhookSecretLast4: '5678', live: false },
    });
    // Nothing of a key is readable in the database or in what the page gets.
    const row = await database.prisma.brandPaymentProvider.findFirstOrThrow({ where: { kind: 'STRIPE' } });
    expect(row.credentialsSealed).not.toContain('brandpay');
    expect(JSON.stringify(view)).not.toContain(standIn.secretKey);
    expect(await router.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(StripePaymentProvider);
    expect(await router.showTakesStripe(DEMO_SHOW_ID)).toBe(true);
    expect(await router.showTakesStripe('no_such_show')).toBe(false);

    // A blank field keeps the saved key.
    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, lumen, {
      secretKey: '',
      publishableKey: 'pk_test_newkey9999',
      webhookSecret: '',
    });
    expect((await getCardProviderSettings(database.prisma, KEY, actors.lumenOwner, lumen)).stripe).toMatchObject({
      secretKeyLast4: 'ABCD',
      publishableKeyLast4: '9999',
    });

    await chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'TEST');
    expect(await router.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(TestPaymentProvider);
    expect(await router.showTakesStripe(DEMO_SHOW_ID)).toBe(false);
    await chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'STRIPE');
  });

  it('is for owners only: another brand’s owner finds no brand, and a non-member neither', async () => {
    const lumen = 'lumen';
    await expectAppError(getCardProviderSettings(database.prisma, KEY, actors.koraOwner, lumen), 'NOT_FOUND');
    await expectAppError(saveStripeKeys(database.prisma, router, KEY, actors.viewer, lumen, keys()), 'NOT_FOUND');
  });

  it('"Test connection" asks Stripe with the saved key and says which account answered; a refused key is STRIPE_CONNECTION_FAILED', async () => {
    expect(await testStripeConnection(database.prisma, router, KEY, actors.lumenOwner, 'lumen')).toEqual({
      accountId: 'acct_standin',
      live: false,
    });
    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, 'lumen', {
      secretKey: 'sk_test_wrong0000',
      publishableKey: '',
      webhookSecret: '',
    });
    const error = await testStripeConnection(database.prisma, router, KEY, actors.lumenOwner, 'lumen').catch((e: unknown) => e);
    expect((error as AppError).reason).toBe('STRIPE_CONNECTION_FAILED');
    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, 'lumen', keys());
  });
});

describe('the router’s memory of a brand’s choice', () => {
  it('a choice changed on another node (straight in the database) is used once the cached one is 5 s old; a change through this node at once', async () => {
    const lumen = (
      await database.prisma.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID }, select: { brand: { select: { slug: true } } } })
    ).brand.slug;
    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, lumen, keys());
    await chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'STRIPE');
    let now = 1_000_000;
    const node = new BrandPaymentRouter(database.prisma, new TestPaymentProvider(), {
      secretsKey: KEY,
      stripeApi: standIn.endpoint,
      now: () => now,
    });
    const stripe = await node.resolve({ showId: DEMO_SHOW_ID });
    expect(stripe).toBeInstanceOf(StripePaymentProvider);
    // The same opened provider for every order while the choice holds, not one per order.
    expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBe(stripe);

    await database.prisma.brandPaymentProvider.updateMany({ where: { kind: 'STRIPE' }, data: { enabled: false } });
    now += 4_000;
    expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBe(stripe);
    now += 1_500;
    expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(TestPaymentProvider);

    await chooseCardProvider(database.prisma, node, actors.lumenOwner, lumen, 'STRIPE');
    expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(StripePaymentProvider);
  });

  it('a Stripe brand’s taps read nothing once its choice is known: the opened provider is kept with the choice', async () => {
    const lumen = (
      await database.prisma.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID }, select: { brand: { select: { slug: true } } } })
    ).brand.slug;
    await saveStripeKeys(database.prisma, router, KEY, actors.lumenOwner, lumen, keys());
    await chooseCardProvider(database.prisma, router, actors.lumenOwner, lumen, 'STRIPE');
    let statements = 0;
    // Each query on this pool is one round trip to PostgreSQL.
    class CountingClient extends pg.Client {
      override query(...args: unknown[]): never {
        statements++;
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    const pool = new pg.Pool({ connectionString: database.url, max: 2, Client: CountingClient });
    const counted = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const node = new BrandPaymentRouter(counted, new TestPaymentProvider(), { secretsKey: KEY, stripeApi: standIn.endpoint });
      expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(StripePaymentProvider);
      statements = 0;
      for (let i = 0; i < 5; i++) expect(await node.resolve({ showId: DEMO_SHOW_ID })).toBeInstanceOf(StripePaymentProvider);
      expect(statements).toBe(0);
    } finally {
      await counted.$disconnect();
      await pool.end();
    }
  });
});

describe('the buyer’s Stripe card form (server side)', () => {
  it('starts a SetupIntent for a Stripe brand, none for a test-provider brand, and never keeps another buyer’s card', async () => {
    const [buyer, other] = await makeBuyers(database.prisma, 2);
    expect(await startStripeCardForm(database.prisma, router, buyer!, 'kora')).toBeNull();
    const start = await startStripeCardForm(database.prisma, router, buyer!, 'lumen');
    expect(start).toMatchObject({ publishableKey: 'pk_test_brandpay1234', clientSecret: expect.stringMatching(/_secret_/) });
    standIn.confirmSetup(start!.setupIntentId, 'visa');
    await expectAppError(finishStripeCardForm(database.prisma, router, other!, 'lumen', start!.setupIntentId), 'NOT_FOUND');
    expect(await finishStripeCardForm(database.prisma, router, buyer!, 'lumen', start!.setupIntentId)).toEqual({
      brand: 'visa',
      last4: '4242',
    });
    // The show page knows the brand by id only: the card page takes that too.
    const lumenId = (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' }, select: { id: true } })).id;
    expect(await startStripeCardForm(database.prisma, router, buyer!, lumenId)).toMatchObject({ publishableKey: 'pk_test_brandpay1234' });
  });

  it('an order left waiting for 3-D Secure past the reservation timeout is cancelled at Stripe and its units come back', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
    const start = await startStripeCardForm(database.prisma, router, buyer!, 'lumen');
    standIn.confirmSetup(start!.setupIntentId, 'authentication');
    await finishStripeCardForm(database.prisma, router, buyer!, 'lumen', start!.setupIntentId);
    const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const request = {
      showId: DEMO_SHOW_ID,
      source: 'ONE_TAP' as const,
      lines: [{ variantId: variant.id, quantity: 1 }],
      idempotencyKey: randomUUID(),
    };
    const error = await placeOrder(database.prisma, router, buyer!, request).catch((e: unknown) => e);
    expect((error as AppError).reason).toBe('PAYMENT_AUTHENTICATION_REQUIRED');
    const waiting = await waitingConfirmation(database.prisma, router, buyer!);
    expect(waiting).toMatchObject({ publishableKey: 'pk_test_brandpay1234' });

    const swept = await sweepOrphanedReservations(database.prisma, router, { olderThanMs: 0 });
    expect(swept.released).toContain(waiting!.orderId);
    const row = await database.prisma.stripePayment.findFirstOrThrow({ where: { orderId: waiting!.orderId } });
    expect(standIn.intents.get(row.paymentIntentId)?.status).toBe('canceled');
    expect((await variantBySku(database.prisma, 'LUM-SERUM-30ML')).stock).toBe(variant.stock);
  });

  it('the show page’s 3-D Secure sheet: a passed check answers PAID with the order’s number, a failed one RELEASED with its units back, and another buyer’s order is not found', async () => {
    const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const waitingOrderOf = async () => {
      const [buyer] = await makeBuyers(database.prisma, 1);
      await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
      const start = await startStripeCardForm(database.prisma, router, buyer!, 'lumen');
      standIn.confirmSetup(start!.setupIntentId, 'authentication');
      await finishStripeCardForm(database.prisma, router, buyer!, 'lumen', start!.setupIntentId);
      const lines = [{ variantId: variant.id, quantity: 1 }];
      await placeOrder(database.prisma, router, buyer!, {
        showId: DEMO_SHOW_ID,
        source: 'ONE_TAP',
        lines,
        idempotencyKey: randomUUID(),
      }).catch((e: unknown) => expect((e as AppError).reason).toBe('PAYMENT_AUTHENTICATION_REQUIRED'));
      const waiting = (await waitingConfirmation(database.prisma, router, buyer!))!;
      const row = await database.prisma.stripePayment.findFirstOrThrow({ where: { orderId: waiting.orderId } });
      return { buyer: buyer!, orderId: waiting.orderId, paymentIntentId: row.paymentIntentId };
    };
    const stockBefore = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).stock;

    const passed = await waitingOrderOf();
    await expectAppError(finishBankCheck(database.prisma, router, actors.viewer, passed.orderId), 'NOT_FOUND');
    standIn.completeAuthentication(passed.paymentIntentId, true);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: passed.orderId } });
    expect(await finishBankCheck(database.prisma, router, passed.buyer, passed.orderId)).toEqual({
      outcome: 'PAID',
      orderNumber: order.number,
      totalMinor: order.totalMinor,
      currency: order.currency,
    });
    // The webhook finished it first: the sheet still says how it ended, not "already settled".
    expect((await finishBankCheck(database.prisma, router, passed.buyer, passed.orderId)).outcome).toBe('PAID');

    const failed = await waitingOrderOf();
    standIn.completeAuthentication(failed.paymentIntentId, false);
    expect((await finishBankCheck(database.prisma, router, failed.buyer, failed.orderId)).outcome).toBe('RELEASED');
    expect((await variantBySku(database.prisma, 'LUM-SERUM-30ML')).stock).toBe(stockBefore - 1);
  });
});
