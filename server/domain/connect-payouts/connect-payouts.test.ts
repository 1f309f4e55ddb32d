import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { StripeStandIn } from '../../../test/support/stripe-stand-in';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import type { JobContext } from '../../jobs/context';
import { jobPayloadSchemas } from '../../jobs/kinds';
import type { JobHandlers } from '../../jobs/handlers';
import { JobWorker } from '../../jobs/runner';
import { createUser, makeAllJobsDue, silentLog, testEnv } from '../../jobs/test-support';
import { createMailTransport } from '../../mail/transport';
import { BrandPaymentRouter, sealStripeCredentials } from '../brand-payments';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { placeOrder } from '../orders';
import { refundOrder, TestPaymentProvider } from '../payments';
import { secretsKey } from '../simulcast';
import { finishCardSetup, startCardSetup, type StripePaymentProvider } from '../stripe-payments';
import { demoActors } from '../test-actors';
import {
  getBrandConnect,
  getMyConnectAccount,
  listFailedPayouts,
  retryFailedPayout,
  saveBrandConnect,
  saveMyConnectAccount,
  stripePayoutJob,
  stripePayoutReversalJob,
} from './index';

// Connect payouts through the real order pipeline, database trigger and job handler, against the
// local Stripe stand-in (test/support/stripe-stand-in.ts) reached through the SDK's host/port options.
const KEY = secretsKey('connect-test-secrets-key-that-is-long-enough');
let database: TestDatabase;
let standIn: StripeStandIn;
let router: BrandPaymentRouter;
let stripe: StripePaymentProvider;
let variantId: string;
let brandId: string;
let lumenOwner: Actor;
let host: Actor;
let coHostId: string;
let ctx: JobContext;

beforeAll(async () => {
  database = await startTestDatabase();
  standIn = await StripeStandIn.start();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, DEMO_SHOW_ID);
  const show = await database.prisma.show.update({
    where: { id: DEMO_SHOW_ID },
    data: { maxPerBuyer: 1000, commissionRateBps: 1000 },
    select: { brandId: true },
  });
  brandId = show.brandId;
  variantId = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).id;
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 50 } });
  ({ lumenOwner, host } = await demoActors(database.prisma));
  // The show's commission split between its host (with a connected account) and a co-host without one.
  coHostId = (await createUser(database.prisma, 'Co Host')).id;
  await database.prisma.showHostShare.createMany({
    data: [
      { showId: DEMO_SHOW_ID, hostId: host.userId, shareBps: 600 },
      { showId: DEMO_SHOW_ID, hostId: coHostId, shareBps: 400 },
    ],
  });
  await database.prisma.brandPaymentProvider.create({
    data: {
      brandId,
      kind: 'STRIPE',
      enabled: true,
      credentialsSealed: sealStripeCredentials(KEY, {
        secretKey: standIn.secretKey,
        publishableKey: 'pk_test_standin0000',
        webhookSecret: 'whsec_standin0000',
      }),
    },
  });
  router = new BrandPaymentRouter(database.prisma, new TestPaymentProvider(), { secretsKey: KEY, stripeApi: standIn.endpoint });
  stripe = (await router.resolve({ showId: DEMO_SHOW_ID })) as StripePaymentProvider;
  const env = testEnv(database.url);
  ctx = { db: database.prisma, env, log: silentLog, mail: createMailTransport(env) };
}, 120_000);

afterAll(async () => {
  await standIn?.stop();
  await database?.stop();
});

/** A one-tap purchase by a new buyer whose card was saved through a SetupIntent; answers the order id. */
async function paidOrder(): Promise<string> {
  const [buyer] = await makeBuyers(database.prisma, 1);
  await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
  const setup = await startCardSetup(database.prisma, stripe, buyer!.userId);
  standIn.confirmSetup(setup.setupIntentId, 'visa');
  await finishCardSetup(database.prisma, stripe, buyer!.userId, setup.setupIntentId);
  const placed = await placeOrder(database.prisma, router, buyer!, {
    showId: DEMO_SHOW_ID,
    source: 'ONE_TAP',
    lines: [{ variantId, quantity: 1 }],
    idempotencyKey: randomUUID(),
  });
  return placed.order.orderId;
}

const payoutJobsOf = (orderId: string) =>
  database.prisma.job.findMany({ where: { kind: 'stripe.payout', payload: { path: ['orderId'], equals: orderId } } });
const transfersTo = (destination: string) => standIn.transfers.filter((t) => t.destination === destination);

describe('Stripe Connect payouts', () => {
  it('a bad connected account id is refused with STRIPE_ACCOUNT_FORMAT, for a brand and for a host, and payouts need the brand account', async () => {
    const refused = { name: 'AppError', reason: 'STRIPE_ACCOUNT_FORMAT' };
    await expect(
      saveBrandConnect(database.prisma, lumenOwner, 'lumen', { accountId: 'acct-123', payoutsEnabled: true }),
    ).rejects.toMatchObject(refused);
    await expect(saveMyConnectAccount(database.prisma, host, 'ba_1234')).rejects.toMatchObject(refused);
    // Switching payouts on needs the brand's own account, or the brand's share would stay on the platform.
    await expect(saveBrandConnect(database.prisma, lumenOwner, 'lumen', { accountId: '', payoutsEnabled: true })).rejects.toMatchObject(
      refused,
    );
    const brand = await database.prisma.brand.findUniqueOrThrow({ where: { id: brandId } });
    expect(brand).toMatchObject({ stripeAccountId: null, stripePayoutsEnabled: false });
  });

  it('with the switch off a paid order queues no payout and transfers nothing', async () => {
    await saveBrandConnect(database.prisma, lumenOwner, 'lumen', { accountId: 'acct_LumenBrand01', payoutsEnabled: false });
    const before = standIn.transfers.length;
    const orderId = await paidOrder();
    expect(await payoutJobsOf(orderId)).toEqual([]);
    expect(standIn.transfers.length).toBe(before);
  });

  it('a paid order of a Connect brand transfers to the brand and the host exactly once, even when its job runs twice', async () => {
    await saveBrandConnect(database.prisma, lumenOwner, 'lumen', { accountId: '', payoutsEnabled: true });
    await saveMyConnectAccount(database.prisma, host, 'acct_HostOne0001');
    expect(await getMyConnectAccount(database.prisma, host)).toBe('acct_••••0001');
    const orderId = await paidOrder();
    // Queued by the statement that made the order PAID, not by a later call that could be lost.
    const [job] = await payoutJobsOf(orderId);
    expect(job).toBeDefined();
    const run = stripePayoutJob((providerId) => router.stripeById(providerId));
    const payload = jobPayloadSchemas['stripe.payout'].parse(job!.payload);
    await run(payload, ctx);
    // A retry after a crash between Stripe's answer and our record: the idempotency keys hold.
    await database.prisma.stripeTransfer.deleteMany({ where: { orderId } });
    await run(payload, ctx);
    await run(payload, ctx);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    const credits = await database.prisma.commissionEntry.findMany({ where: { orderId } });
    const hostShare = credits.find((c) => c.hostId === host.userId)!.amountMinor;
    const coHostShare = credits.find((c) => c.hostId === coHostId)!.amountMinor;
    expect(hostShare).toBeGreaterThan(0);
    const sent = standIn.transfers.filter((t) => t.transfer_group === `order_${orderId}`);
    expect(sent.map((t) => [t.destination, Number(t.amount)]).sort()).toEqual(
      [
        ['acct_HostOne0001', hostShare],
        ['acct_LumenBrand01', order.totalMinor - hostShare],
      ].sort(),
    );
    expect(transfersTo('acct_HostOne0001')).toHaveLength(1);
    // The co-host without an account is left out, and the brand sees it.
    const view = await getBrandConnect(database.prisma, lumenOwner, 'lumen');
    expect(view).toMatchObject({ accountMasked: 'acct_••••nd01', payoutsEnabled: true });
    expect(view.skips).toEqual([expect.objectContaining({ orderId, hostName: 'Co Host', amountMinor: coHostShare })]);
  });

  it('a refund after a payout takes back the same share of each transfer once, and a full refund all of it', async () => {
    const open = (providerId: string) => router.stripeById(providerId);
    const orderId = await paidOrder();
    const [job] = await payoutJobsOf(orderId);
    await stripePayoutJob(open)(jobPayloadSchemas['stripe.payout'].parse(job!.payload), ctx);
    const transfers = await database.prisma.stripeTransfer.findMany({ where: { orderId } });
    expect(transfers.map((t) => t.kind).sort()).toEqual(['BRAND', 'HOST']);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    const half = Math.floor(order.totalMinor / 2);
    await refundOrder(database.prisma, router, lumenOwner, orderId, {
      amountMinor: half,
      reason: 'damaged',
      idempotencyKey: randomUUID(),
      restock: false,
    });
    const reverse = async () => {
      const jobs = await database.prisma.job.findMany({
        where: { kind: 'stripe.payout-reversal', payload: { path: ['orderId'], equals: orderId } },
      });
      for (const j of jobs) await stripePayoutReversalJob(open)(jobPayloadSchemas['stripe.payout-reversal'].parse(j.payload), ctx);
      return jobs.length;
    };
    expect(await reverse()).toBe(1);
    await reverse();
    const reversedOf = (transferId: string) =>
      standIn.transferReversals.filter((r) => r.transfer === transferId).reduce((sum, r) => sum + Number(r.amount), 0);
    const left = order.totalMinor - half;
    for (const t of transfers) {
      const kept =
        t.kind === 'HOST' ? Math.ceil((t.amountMinor * left) / order.totalMinor) : Math.floor((t.amountMinor * left) / order.totalMinor);
      expect(reversedOf(t.transferId)).toBe(t.amountMinor - kept);
      expect(standIn.transferReversals.filter((r) => r.transfer === t.transferId)).toHaveLength(1);
    }
    await refundOrder(database.prisma, router, lumenOwner, orderId, {
      amountMinor: left,
      reason: 'damaged',
      idempotencyKey: randomUUID(),
      restock: false,
    });
    await reverse();
    await reverse();
    for (const t of transfers) expect(reversedOf(t.transferId)).toBe(t.amountMinor);
  });

  it('a reversal Stripe refuses on every attempt is listed for the owner with its amount, account and Stripe’s error, and Try again after Stripe accepts clears it once', async () => {
    const open = (providerId: string) => router.stripeById(providerId);
    const orderId = await paidOrder();
    // The real queue and worker: the refused reversal is retried, then kept as failed.
    const worker = new JobWorker({
      db: database.prisma,
      env: ctx.env,
      log: silentLog,
      mail: ctx.mail,
      handlers: {
        // The other kinds this database queued (receipts, webhooks) are not this test's.
        ...(Object.fromEntries(
          Object.keys(jobPayloadSchemas).map((kind) => [kind, () => Promise.resolve('done')]),
        ) as unknown as JobHandlers),
        'stripe.payout': stripePayoutJob(open),
        'stripe.payout-reversal': stripePayoutReversalJob(open),
      },
    });
    await worker.drain();
    const transfers = await database.prisma.stripeTransfer.findMany({ where: { orderId } });
    expect(transfers.length).toBeGreaterThan(0);
    await database.prisma.job.updateMany({ where: { kind: 'stripe.payout-reversal' }, data: { maxAttempts: 2 } });
    standIn.refuseReversals = true;
    try {
      const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
      await refundOrder(database.prisma, router, lumenOwner, orderId, {
        amountMinor: order.totalMinor,
        reason: 'damaged',
        idempotencyKey: randomUUID(),
        restock: false,
      });
      const reversalJob = { kind: 'stripe.payout-reversal', payload: { path: ['orderId'], equals: orderId } };
      await database.prisma.job.updateMany({ where: reversalJob, data: { maxAttempts: 2 } });
      for (let i = 0; i < 3; i++) {
        await makeAllJobsDue(database.prisma);
        await worker.drain();
      }
      const [failed] = await database.prisma.job.findMany({ where: reversalJob });
      expect(failed?.failedAt).not.toBeNull();

      const listed = await listFailedPayouts(database.prisma, lumenOwner, 'lumen');
      const mine = listed.filter((f) => f.orderId === orderId);
      expect(mine).toEqual([
        expect.objectContaining({ kind: 'REVERSAL', jobId: failed!.id, orderNumber: order.number, currency: order.currency }),
      ]);
      expect(mine[0]!.stripeError).toContain('insufficient funds');
      // What is still to take back, per account, masked as the page shows accounts.
      expect(mine[0]!.steps.map((s) => s.amountMinor).reduce((a, b) => a + b, 0)).toBe(
        transfers.reduce((sum, t) => sum + t.amountMinor, 0),
      );
      expect(mine[0]!.steps.every((s) => s.destination.startsWith('acct_••••'))).toBe(true);
      // Only the brand's owners see it or retry it.
      await expect(listFailedPayouts(database.prisma, host, 'lumen')).rejects.toMatchObject({ name: 'AppError' });
      await expect(retryFailedPayout(database.prisma, lumenOwner, 'lumen', 'job_of_nobody')).rejects.toMatchObject({
        reason: 'PAYOUT_FAILURE_NOT_FOUND',
      });

      // Stripe accepts again; two clicks on Try again queue the job once.
      standIn.refuseReversals = false;
      const reversalsBefore = standIn.transferReversals.length;
      const clicks = await Promise.all([
        retryFailedPayout(database.prisma, lumenOwner, 'lumen', failed!.id),
        retryFailedPayout(database.prisma, lumenOwner, 'lumen', failed!.id),
      ]);
      expect(clicks.map((c) => c.queued).sort()).toEqual([false, true]);
      await worker.drain();
      expect((await listFailedPayouts(database.prisma, lumenOwner, 'lumen')).filter((f) => f.orderId === orderId)).toEqual([]);
      const job = await database.prisma.job.findUniqueOrThrow({ where: { id: failed!.id } });
      expect(job.completedAt).not.toBeNull();
      expect(standIn.transferReversals.length - reversalsBefore).toBe(transfers.length);
      expect(await retryFailedPayout(database.prisma, lumenOwner, 'lumen', failed!.id)).toEqual({ queued: false });
    } finally {
      standIn.refuseReversals = false;
    }
  });
});
