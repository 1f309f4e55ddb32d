import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { BrandPaymentRouter, sealStripeCredentials } from '../../server/domain/brand-payments';
import { TestPaymentProvider } from '../../server/domain/payments';
import { checkQrPayment } from '../../server/domain/qr-payments';
import { sealSecret, secretsKey } from '../../server/domain/simulcast';
import { completeStripePayment, finishCardSetup, startCardSetup, type StripePaymentProvider } from '../../server/domain/stripe-payments';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp } from '../support/app';
import { startQrBankStandIns, STANDIN_BAKONG_TOKEN, type QrBankStandIns } from '../support/qr-bank-standins';
import { StripeStandIn } from '../support/stripe-stand-in';

// Sales finished off the sockets (issue 21): a QR payment confirmed by the job queue and a 3-D Secure
// order finished by Stripe reach a connected viewer as a one-tap purchase does.
let t: TestApp;
let bank: QrBankStandIns;
let stripeApi: StripeStandIn;
let stripe: StripePaymentProvider;
const showId = DEMO_SHOW_ID;
const SECRETS_KEY = 'a-secrets-key-for-the-deferred-sales-test-only';
const brandId = 'demo_brand_lumen';

beforeAll(async () => {
  bank = await startQrBankStandIns();
  stripeApi = await StripeStandIn.start();
  t = await startTestApp({ BAKONG_API_URL: bank.url, QR_CHECK_SECONDS: '1', SECRETS_KEY }, { stripeApi: stripeApi.endpoint });
  const db = t.app.db;
  await db.show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date(), maxPerBuyer: 100 } });
  await db.brandPaymentProvider.create({
    data: {
      brandId,
      kind: 'KHQR',
      enabled: true,
      settings: { accountId: 'lumen@aclb', merchantName: 'Lumen', merchantCity: 'Phnom Penh' },
      credentialsSealed: sealSecret(secretsKey(SECRETS_KEY), JSON.stringify({ token: STANDIN_BAKONG_TOKEN })),
    },
  });
  await db.brandPaymentProvider.create({
    data: {
      brandId,
      kind: 'STRIPE',
      enabled: true,
      credentialsSealed: sealStripeCredentials(secretsKey(SECRETS_KEY), {
        secretKey: stripeApi.secretKey,
        publishableKey: 'pk_test_standin0000',
        webhookSecret: 'whsec_standin0000',
      }),
    },
  });
  const router = new BrandPaymentRouter(db, new TestPaymentProvider(), {
    secretsKey: secretsKey(SECRETS_KEY),
    stripeApi: stripeApi.endpoint,
  });
  stripe = (await router.resolve({ showId })) as StripePaymentProvider;
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await bank?.close();
  await stripeApi?.stop();
});

async function variant(sku: string) {
  return t.app.db.productVariant.findUniqueOrThrow({ where: { sku } });
}

describe('sales finished off the sockets reach the show', () => {
  it("a one-tap order paid by KHQR updates a connected viewer's stock and just-bought feed once the bank confirms", async () => {
    const [buyer, watcher] = await createBuyers(t, 2, 'qrtap');
    const [socket, viewer] = await Promise.all([t.connect(buyer!), t.connect(watcher!)]);
    await Promise.all([joinShow(socket, showId), joinShow(viewer, showId)]);
    const serum = await variant('LUM-SERUM-30ML');

    const held = nextEvent(viewer, 'stock:changed', (e) => e.variantId === serum.id && e.stock === serum.stock - 1);
    const answer = await ask(socket, 'order:buy', { showId, variantId: serum.id, quantity: 1, idempotencyKey: randomUUID(), method: 'QR' });
    if (!answer.ok) throw new Error(answer.error.code);
    await held;
    const qr = answer.order.qr!;

    const bought = nextEvent(
      viewer,
      'order:justBought',
      (e) => e.productTitle === answer.order.productTitle && e.buyerName.startsWith('Buyer'),
    );
    bank.payKhqr(createHash('md5').update(qr.qrPayload).digest('hex'), answer.order.totalMinor / 100, 'USD');
    expect(await bought).toMatchObject({ showId, quantity: 1 });
    expect(await t.app.db.order.findUniqueOrThrow({ where: { id: answer.order.orderId } })).toMatchObject({ status: 'PAID' });
  });

  it("an unpaid one-tap QR code that expires gives its unit back on a connected viewer's card", async () => {
    const [buyer, watcher] = await createBuyers(t, 2, 'qrexp');
    const [socket, viewer] = await Promise.all([t.connect(buyer!), t.connect(watcher!)]);
    await Promise.all([joinShow(socket, showId), joinShow(viewer, showId)]);
    const serum = await variant('LUM-SERUM-30ML');
    const held = nextEvent(viewer, 'stock:changed', (e) => e.variantId === serum.id && e.stock === serum.stock - 1);
    const answer = await ask(socket, 'order:buy', { showId, variantId: serum.id, quantity: 1, idempotencyKey: randomUUID(), method: 'QR' });
    if (!answer.ok) throw new Error(answer.error.code);
    const row = await t.app.db.qrPayment.findUniqueOrThrow({ where: { orderId: answer.order.orderId } });
    await held;

    const back = nextEvent(viewer, 'stock:changed', (e) => e.variantId === serum.id && e.stock === serum.stock);
    // The job queue's check at the code's expiry (run here with the clock past it).
    const config = {
      bakongApiUrl: bank.url,
      qpayApiUrl: bank.url,
      publicUrl: 'http://localhost:3000',
      secretsKey: SECRETS_KEY,
      paymentMinutes: 5,
      checkSeconds: 1,
      lateWatchMinutes: 60,
    };
    expect((await checkQrPayment(t.app.db, config, row.id, new Date(row.expiresAt.getTime() + 1000)))?.status).toBe('EXPIRED');
    await back;
  });

  it('a one-tap order that waited for 3-D Secure holds its stock in front of viewers, and is announced as bought once Stripe confirms it', async () => {
    const [buyer, watcher] = await createBuyers(t, 2, 'threeds');
    await t.app.db.paymentMethod.deleteMany({ where: { userId: buyer!.id } });
    const setup = await startCardSetup(t.app.db, stripe, buyer!.id);
    stripeApi.confirmSetup(setup.setupIntentId, 'authentication');
    await finishCardSetup(t.app.db, stripe, buyer!.id, setup.setupIntentId);
    const [socket, viewer] = await Promise.all([t.connect(buyer!), t.connect(watcher!)]);
    await Promise.all([joinShow(socket, showId), joinShow(viewer, showId)]);
    const mask = await variant('LUM-SERUM-30ML');

    const held = nextEvent(viewer, 'stock:changed', (e) => e.variantId === mask.id && e.stock === mask.stock - 1);
    const answer = await ask(socket, 'order:buy', { showId, variantId: mask.id, quantity: 1, idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ ok: false, error: { reason: 'PAYMENT_AUTHENTICATION_REQUIRED' } });
    await held;

    const row = await t.app.db.stripePayment.findFirstOrThrow({ where: { paymentKey: { startsWith: `${buyer!.id}:` } } });
    stripeApi.completeAuthentication(row.paymentIntentId);
    const bought = nextEvent(viewer, 'order:justBought', (e) => e.buyerName.startsWith('Buyer') && e.productTitle.length > 0);
    // What the signed webhook (or the buyer's page) runs once the bank approved.
    expect(await completeStripePayment(t.app.db, stripe, row.paymentIntentId)).toBe('PAID');
    expect(await bought).toMatchObject({ showId, quantity: 1 });
  });
});
