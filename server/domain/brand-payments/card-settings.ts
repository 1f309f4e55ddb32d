import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { AppError } from '../errors';
import { stripeClient, stripeWebhookPath, type StripeCredentials } from '../stripe-payments';
import { lastFour, openStripeCredentials, sealStripeCredentials } from './credentials';
import { type CardProviderChoice, stripeKeysInputSchema, type StripeKeysInput } from './card-settings.schema';
import type { BrandPaymentRouter } from './payment-router';

// A brand's card payments, for its owners only: the built-in test provider (the default, and what
// `npm start` and the tests use) or the brand's own Stripe account. Keys are stored sealed and
// shown only by their last four characters.

export interface CardProviderView {
  active: CardProviderChoice;
  stripe: {
    saved: boolean;
    secretKeyLast4: string;
    publishableKeyLast4: string;
    webhookSecretLast4: string;
    /** A live secret key (sk_live_/rk_live_) takes real money; a test one does not. */
    live: boolean;
    webhookPath: string | null;
    payoutsEnabled: boolean;
  };
}

export async function getCardProviderSettings(db: Db, secretsKey: Buffer, actor: Actor, slug: string): Promise<CardProviderView> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  const row = await db.brandPaymentProvider.findUnique({ where: { brandId_kind: { brandId: brand.brandId, kind: 'STRIPE' } } });
  const keys = row?.credentialsSealed ? openStripeCredentials(secretsKey, row.credentialsSealed) : null;
  const connect = await db.brand.findUnique({ where: { id: brand.brandId }, select: { stripePayoutsEnabled: true } });
  return {
    active: row?.enabled && keys ? 'STRIPE' : 'TEST',
    stripe: {
      saved: Boolean(keys),
      secretKeyLast4: lastFour(keys?.secretKey ?? ''),
      publishableKeyLast4: lastFour(keys?.publishableKey ?? ''),
      webhookSecretLast4: lastFour(keys?.webhookSecret ?? ''),
      live: /^(sk|rk)_live_/.test(keys?.secretKey ?? ''),
      webhookPath: row ? stripeWebhookPath(row.id) : null,
      payoutsEnabled: connect?.stripePayoutsEnabled ?? false,
    },
  };
}

/** Saves the brand's Stripe keys; a blank field keeps the saved key, and the first save needs all three. */
export async function saveStripeKeys(
  db: Db,
  router: BrandPaymentRouter,
  secretsKey: Buffer,
  actor: Actor,
  slug: string,
  input: StripeKeysInput,
): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  const given = stripeKeysInputSchema.parse(input);
  const row = await db.brandPaymentProvider.findUnique({ where: { brandId_kind: { brandId: brand.brandId, kind: 'STRIPE' } } });
  const saved = row?.credentialsSealed ? openStripeCredentials(secretsKey, row.credentialsSealed) : null;
  const secretKey = given.secretKey ?? saved?.secretKey;
  const publishableKey = given.publishableKey ?? saved?.publishableKey;
  const webhookSecret = given.webhookSecret ?? saved?.webhookSecret;
  if (!secretKey || !publishableKey || !webhookSecret)
    throw new AppError('STRIPE_NOT_CONFIGURED', `brand ${slug}: first Stripe keys incomplete`);
  const credentialsSealed = sealStripeCredentials(secretsKey, { secretKey, publishableKey, webhookSecret });
  await db.brandPaymentProvider.upsert({
    where: { brandId_kind: { brandId: brand.brandId, kind: 'STRIPE' } },
    create: { brandId: brand.brandId, kind: 'STRIPE', credentialsSealed },
    update: { credentialsSealed },
  });
  router.forget(brand.brandId);
}

/** Which provider takes the brand's card payments from its next order on. Stripe needs saved keys. */
export async function chooseCardProvider(
  db: Db,
  router: BrandPaymentRouter,
  actor: Actor,
  slug: string,
  choice: CardProviderChoice,
): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  const where = { brandId_kind: { brandId: brand.brandId, kind: 'STRIPE' as const } };
  if (choice === 'STRIPE') {
    const row = await db.brandPaymentProvider.findUnique({ where });
    if (!row?.credentialsSealed) throw new AppError('STRIPE_NOT_CONFIGURED', `brand ${slug} has no Stripe keys`);
    await db.brandPaymentProvider.update({ where, data: { enabled: true } });
  } else {
    await db.brandPaymentProvider.updateMany({ where: { brandId: brand.brandId, kind: 'STRIPE' }, data: { enabled: false } });
  }
  router.forget(brand.brandId);
}

/** "Test connection": asks Stripe who the saved secret key belongs to. */
export async function testStripeConnection(
  db: Db,
  router: BrandPaymentRouter,
  secretsKey: Buffer,
  actor: Actor,
  slug: string,
): Promise<{ accountId: string; live: boolean }> {
  const brand = await requireBrandMember(db, actor, { slug }, { owner: true });
  const row = await db.brandPaymentProvider.findUnique({ where: { brandId_kind: { brandId: brand.brandId, kind: 'STRIPE' } } });
  if (!row?.credentialsSealed) throw new AppError('STRIPE_NOT_CONFIGURED', `brand ${slug} has no Stripe keys`);
  const keys: StripeCredentials = openStripeCredentials(secretsKey, row.credentialsSealed);
  try {
    const account = await stripeClient(keys.secretKey, router.stripeApi).accounts.retrieveCurrent();
    return { accountId: account.id, live: /^(sk|rk)_live_/.test(keys.secretKey) };
  } catch (error) {
    console.error('Stripe connection test failed', {
      brandId: brand.brandId,
      error: error instanceof Error ? error.message : String(error),
    });
    throw new AppError('STRIPE_CONNECTION_FAILED', `brand ${slug}: Stripe refused the key or could not be reached`);
  }
}
