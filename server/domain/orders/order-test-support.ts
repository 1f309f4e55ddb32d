// Test helpers for the order lifecycle and order query tests (not app code).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { PrismaClient } from '../../db/client';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { demoActors, type DemoActors } from '../test-actors';
import type { Actor } from '../context';
import { placeShowOrder } from './orders';
import { queueReceiptEmail } from './order-emails';
import { TestPaymentProvider } from '../payments';

export const payments = new TestPaymentProvider();
export const PUBLIC_URL = 'https://shop.example';

export interface OrderFixtures {
  lumenShowId: string;
  koraShowId: string;
  lumenVariantId: string;
  koraVariantId: string;
}

/** Both demo shows live with room to buy, so tests can place real orders through one tap. */
export async function prepareShows(prisma: PrismaClient): Promise<OrderFixtures> {
  const kora = await prisma.show.findFirstOrThrow({ where: { brand: { slug: 'kora' } }, select: { id: true } });
  await prisma.show.updateMany({
    where: { id: { in: [DEMO_SHOW_ID, kora.id] } },
    data: { status: 'LIVE', startedAt: new Date(), maxPerBuyer: 10_000 },
  });
  await prisma.productVariant.updateMany({ data: { stock: 100_000 } });
  const lumenVariant = await prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, select: { id: true } });
  const koraVariant = await prisma.productVariant.findUniqueOrThrow({ where: { sku: 'KORA-FLEECE-M' }, select: { id: true } });
  return { lumenShowId: DEMO_SHOW_ID, koraShowId: kora.id, lumenVariantId: lumenVariant.id, koraVariantId: koraVariant.id };
}

export async function buy(
  prisma: PrismaClient,
  buyer: Actor,
  showId: string,
  variantId: string,
  quantity = 1,
  idempotencyKey = randomUUID(),
) {
  const order = await placeShowOrder(prisma, payments, buyer, { showId, variantId, quantity, idempotencyKey });
  await runReceiptJob(prisma, order.id);
  return order;
}

/** What the job runner does with a one-statement purchase's 'order.receipt' job: queues the receipt email. */
export async function runReceiptJob(prisma: PrismaClient, orderId: string): Promise<void> {
  const job = await prisma.job.findUnique({ where: { dedupeKey: `order-receipt:${orderId}` }, select: { payload: true } });
  if (!job) return;
  await queueReceiptEmail(prisma, orderId, (job.payload as { locale?: string | null }).locale ?? null);
}

/**
 * The database the order tests share within a file: the demo data seeded, both demo shows live (prepareShows),
 * handed over once ready; stopped after the file.
 */
export function useOrderDatabase(onReady: (ready: { database: TestDatabase; actors: DemoActors; fx: OrderFixtures }) => void): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await startTestDatabase();
    await seedDemoData(database.prisma);
    onReady({ database, actors: await demoActors(database.prisma), fx: await prepareShows(database.prisma) });
  }, 120_000);
  afterAll(async () => {
    await database?.stop();
  });
}
