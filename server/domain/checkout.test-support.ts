// Test helpers shared by the bag, coupon and one-tap shipping tests (not app code).
import pg from 'pg';
import type { PrismaClient } from '../db/client';
import type { Actor } from './context';
import type { PaymentAuthorization, PaymentAuthorizationRequest } from './payments';
import { TestPaymentProvider } from './payments';

/** The test provider, remembering what it was asked, with a hook that runs while an authorization is in flight. */
export class SpyPayments extends TestPaymentProvider {
  readonly authorized: PaymentAuthorizationRequest[] = [];
  readonly captured: string[] = [];
  readonly voided: string[] = [];
  duringAuthorize: (() => Promise<void>) | null = null;

  override async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    this.authorized.push(request);
    await this.duringAuthorize?.();
    return super.authorize(request);
  }
  override async capture(reference: string): Promise<void> {
    this.captured.push(reference);
    await super.capture(reference);
  }
  override async void(reference: string): Promise<void> {
    this.voided.push(reference);
    await super.void(reference);
  }
}

let run = 0;

/** Buyers with a default address and a test card that succeeds (or none, with `wallet: false`). */
export async function makeBuyers(prisma: PrismaClient, count: number, opts: { wallet?: boolean } = {}): Promise<Actor[]> {
  const prefix = `b${Date.now().toString(36)}${run++}`;
  const users = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}_${i}`,
    email: `${prefix}_${i}@test.live`,
    name: `Buyer ${i} Test`,
    passwordHash: 'not-used',
  }));
  await prisma.user.createMany({ data: users });
  if (opts.wallet !== false) {
    await prisma.address.createMany({
      data: users.map((u) => ({ userId: u.id, fullName: u.name, line1: '1 Test St', city: 'Vientiane', country: 'LA', isDefault: true })),
    });
    await prisma.paymentMethod.createMany({
      data: users.map((u) => ({
        userId: u.id,
        provider: 'test',
        token: 'tok_test_visa_4242',
        brand: 'visa',
        last4: '4242',
        expMonth: 1,
        expYear: 2099,
        isDefault: true,
      })),
    });
  }
  return users.map((u) => ({ userId: u.id, name: u.name }));
}

export async function goLive(prisma: PrismaClient, showId: string): Promise<void> {
  await prisma.show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date() } });
}

/** The demo show's variants by their SKU, e.g. `LUM-SERUM-30ML`. */
export async function variantBySku(prisma: PrismaClient, sku: string) {
  return prisma.productVariant.findUniqueOrThrow({
    where: { sku },
    select: { id: true, productId: true, priceMinor: true, stock: true, name: true },
  });
}

/** What CountingClient has sent since a test last set it to 0: each query is one round trip to PostgreSQL. */
export const sent = { statements: 0 };

/** A pg client that counts what it sends (give it to a pg.Pool as `Client`). */
export class CountingClient extends pg.Client {
  override query(...args: unknown[]): never {
    sent.statements++;
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
