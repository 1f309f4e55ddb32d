import type { Db } from '../context';
import { AppError } from '../errors';
import { STRIPE_PROVIDER_NAME, stripeCardToken } from './card-token';
import type { StripePaymentProvider } from './stripe-provider';

// Saving a card for one brand's Stripe account: our server creates a SetupIntent for the buyer's
// Customer in that account; Stripe Elements in the browser collects the card and confirms it with
// Stripe directly (the number never reaches us); then the page hands back the SetupIntent's id and
// we keep what Stripe says the card is. Cards are saved "off_session" so a one-tap purchase can
// charge them without the form.

export interface CardSetupStart {
  clientSecret: string;
  setupIntentId: string;
}

export async function startCardSetup(db: Db, provider: StripePaymentProvider, buyerId: string): Promise<CardSetupStart> {
  const customerId = await customerOf(db, provider, buyerId);
  const intent = await provider.stripe.setupIntents.create({
    customer: customerId,
    usage: 'off_session',
    allowed_payment_method_types: ['card'],
    metadata: { userId: buyerId },
  });
  if (!intent.client_secret) throw new AppError('INTERNAL', `setup intent ${intent.id} without a client secret`);
  return { clientSecret: intent.client_secret, setupIntentId: intent.id };
}

/**
 * Keeps the card a confirmed SetupIntent saved, as the buyer's default card. Another buyer's
 * SetupIntent, or one that did not succeed, saves nothing. Calling it twice keeps one card.
 */
export async function finishCardSetup(
  db: Db,
  provider: StripePaymentProvider,
  buyerId: string,
  setupIntentId: string,
): Promise<{ id: string; brand: string; last4: string }> {
  const customer = await db.stripeCustomer.findUnique({
    where: { providerId_userId: { providerId: provider.providerId, userId: buyerId } },
  });
  const intent = await provider.stripe.setupIntents.retrieve(setupIntentId);
  const customerId = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
  if (!customer || customerId !== customer.customerId)
    throw new AppError('CARD_NOT_FOUND', `setup intent ${setupIntentId} is not ${buyerId}'s`);
  if (intent.status !== 'succeeded' || !intent.payment_method)
    throw new AppError('CARD_DECLINED_NOT_SAVED', `setup intent ${setupIntentId} is ${intent.status}`);
  const paymentMethodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method.id;
  const method = await provider.stripe.paymentMethods.retrieve(paymentMethodId);
  const card = method.card;
  if (!card) throw new AppError('CARD_DECLINED_NOT_SAVED', `payment method ${paymentMethodId} is not a card`);
  const token = stripeCardToken({ providerId: provider.providerId, customerId: customer.customerId, paymentMethodId });
  return db.$transaction(async (tx) => {
    // The wallet's lock (payments/wallet.ts): one default card however changes interleave.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${buyerId} FOR UPDATE`;
    const existing = await tx.paymentMethod.findFirst({ where: { userId: buyerId, token }, select: { id: true } });
    await tx.paymentMethod.updateMany({ where: { userId: buyerId, isDefault: true }, data: { isDefault: false } });
    const data = { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year, isDefault: true };
    const row = existing
      ? await tx.paymentMethod.update({ where: { id: existing.id }, data, select: { id: true, brand: true, last4: true } })
      : await tx.paymentMethod.create({
          data: { ...data, userId: buyerId, provider: STRIPE_PROVIDER_NAME, token },
          select: { id: true, brand: true, last4: true },
        });
    return row;
  });
}

async function customerOf(db: Db, provider: StripePaymentProvider, buyerId: string): Promise<string> {
  const key = { providerId: provider.providerId, userId: buyerId };
  const known = await db.stripeCustomer.findUnique({ where: { providerId_userId: key } });
  if (known) return known.customerId;
  // The same key for the same buyer and account: two first cards at once make one Customer.
  const customer = await provider.stripe.customers.create(
    { metadata: { userId: buyerId } },
    { idempotencyKey: `customer-${provider.providerId}-${buyerId}` },
  );
  await db.stripeCustomer.createMany({ data: [{ ...key, customerId: customer.id }], skipDuplicates: true });
  return (await db.stripeCustomer.findUniqueOrThrow({ where: { providerId_userId: key } })).customerId;
}
