import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { StripeStandIn } from '../../../test/support/stripe-stand-in';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { silentLog, testEnv } from '../../jobs/test-support';
import { runJobHandler } from '../../jobs/handlers';
import { jobHandlers } from '../../effects/job-handlers';
import { createMailTransport } from '../../mail/transport';
import { BrandPaymentRouter, sealStripeCredentials } from '../brand-payments';
import { TestPaymentProvider } from '../payments';
import { secretsKey } from '../simulcast';
import { accountDeletedJob, deleteAccount } from '.';
import { seedPerson } from './privacy.test-support';

const KEY = secretsKey('privacy-test-secrets-key-long-enough-for-sealing');

let database: TestDatabase;
let seed: DemoSeed;
let standIn: StripeStandIn;
beforeAll(async () => {
  database = await startTestDatabase();
  standIn = await StripeStandIn.start('sk_test_privacyABCD');
  seed = await seedDemoData(database.prisma);
});
afterAll(async () => {
  await standIn?.stop();
  await database?.stop();
});

describe('account.deleted', () => {
  it('deletes the person’s Customer at the brand’s Stripe after the deletion commits, and a retry counts a Customer already gone as done', async () => {
    const provider = await database.prisma.brandPaymentProvider.create({
      data: {
        brandId: seed.brandId,
        kind: 'STRIPE',
        credentialsSealed: sealStripeCredentials(KEY, {
          secretKey: standIn.secretKey,
          publishableKey: 'pk_test_x',
          webhookSecret: 'whsec_x',
        }),
      },
    });
    const person = await seedPerson(database.prisma, seed, 'stripe');
    await database.prisma.stripeCustomer.deleteMany({ where: { userId: person.userId } });
    await database.prisma.stripeCustomer.create({ data: { providerId: provider.id, userId: person.userId, customerId: 'cus_privacy1' } });

    await deleteAccount(database.prisma, { userId: person.userId, name: person.name }, person.email);
    expect(standIn.deletedCustomers.has('cus_privacy1')).toBe(false);
    const job = await database.prisma.job.findFirstOrThrow({
      where: { kind: 'account.deleted', payload: { path: ['userId'], equals: person.userId } },
    });

    const router = new BrandPaymentRouter(database.prisma, new TestPaymentProvider(), { secretsKey: KEY, stripeApi: standIn.endpoint });
    const handlers = { ...jobHandlers, 'account.deleted': accountDeletedJob((id) => router.stripeById(id)) };
    const env = testEnv(database.url);
    const ctx = { db: database.prisma, env, log: silentLog, mail: createMailTransport(env) };
    expect(await runJobHandler(handlers, 'account.deleted', job.payload, ctx)).toBe('done');
    expect(standIn.deletedCustomers.has('cus_privacy1')).toBe(true);
    expect(await runJobHandler(handlers, 'account.deleted', job.payload, ctx)).toBe('done');
  });
});
