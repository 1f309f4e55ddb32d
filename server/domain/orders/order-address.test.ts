import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { getApiOrder } from '../../api/orders';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { emailJobKey } from '../../mail/outbox';
import { deleteAccount } from '../privacy';
import { checkoutBag, setBagItem } from '../bag';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { getBrandOrder } from './order-brand-queries';
import { receiptEmailKey, sendReceiptEmail } from './order-emails';
import { exportBrandOrdersCsv } from './order-export';
import { getMyOrder } from './order-queries';
import { placeShowOrder } from './orders';
import { demoActors, type DemoActors } from '../test-actors';
import { removeAddress } from '../payments';

// An order ships to the address it was placed with: the order keeps a copy, so
// what the buyer later does to their saved addresses never changes it.
let database: TestDatabase;
let actors: DemoActors;
const showId = DEMO_SHOW_ID;
const shippedTo = {
  fullName: 'Buyer 0 Test',
  line1: '1 Test St',
  line2: '',
  city: 'Vientiane',
  region: '',
  postalCode: '',
  country: 'LA',
  phone: '',
};

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  actors = await demoActors(database.prisma);
});

afterAll(async () => {
  await database?.stop();
});

async function oneTap(buyer: Actor, payments = new SpyPayments()) {
  const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
  return placeShowOrder(database.prisma, payments, buyer, { showId, variantId: variant.id, quantity: 1, idempotencyKey: randomUUID() });
}

async function bagOrder(buyer: Actor) {
  const variant = await variantBySku(database.prisma, 'LUM-SERUM-50ML');
  await setBagItem(database.prisma, buyer, { showId, variantId: variant.id, quantity: 1 });
  return checkoutBag(database.prisma, new SpyPayments(), buyer, { showId, idempotencyKey: randomUUID() });
}

const savedAddressOf = (buyer: Actor) => database.prisma.address.findFirstOrThrow({ where: { userId: buyer.userId, isDefault: true } });

describe('the shipping address of an order', () => {
  it('is copied from the default address by one tap and by the bag', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const tapped = await oneTap(buyer!);
    const bagged = await bagOrder(buyer!);
    for (const order of [tapped, bagged]) {
      expect((await getMyOrder(database.prisma, buyer!, order.id)).address).toEqual(shippedTo);
    }
  });

  it('stays as it was when the buyer edits the saved address, then deletes it', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const order = await oneTap(buyer!);
    const saved = await savedAddressOf(buyer!);
    await database.prisma.address.update({ where: { id: saved.id }, data: { line1: '99 Elsewhere Rd', city: 'Luang Prabang' } });
    expect((await getMyOrder(database.prisma, buyer!, order.id)).address).toEqual(shippedTo);

    // Removing it is allowed even before the order ships: the order no longer needs it.
    await removeAddress(database.prisma, buyer!, saved.id);
    const stored = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { addressId: true, brandId: true } });
    expect(stored.addressId).toBeNull();
    expect((await getMyOrder(database.prisma, buyer!, order.id)).address).toEqual(shippedTo);
    expect((await getBrandOrder(database.prisma, actors.lumenOwner, 'lumen', order.id)).address).toEqual(shippedTo);
    expect((await getApiOrder(database.prisma, stored.brandId, order.id)).shippingAddress).toEqual(shippedTo);
  });

  it('stays with the brand after the buyer deletes their account, which deletes every saved address', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const order = await oneTap(buyer!);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: buyer!.userId }, select: { email: true } });
    await deleteAccount(database.prisma, buyer!, user.email);
    expect(await database.prisma.address.count({ where: { userId: buyer!.userId } })).toBe(0);
    expect((await getBrandOrder(database.prisma, actors.lumenOwner, 'lumen', order.id)).address).toEqual(shippedTo);
    const csv = await exportBrandOrdersCsv(database.prisma, actors.lumenOwner, 'lumen', {});
    const row = csv.split(/\r?\n/).find((line) => line.startsWith(`${order.number},`));
    expect(row).toContain('Buyer 0 Test,1 Test St,,Vientiane,,,LA,');
  });

  it('is the one an email written after an edit of the saved address names', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const order = await oneTap(buyer!);
    await database.prisma.address.update({ where: { id: (await savedAddressOf(buyer!)).id }, data: { line1: '99 Elsewhere Rd' } });
    // The receipt went out when the order was placed; written again now, it must name the same address.
    const jobKey = emailJobKey(receiptEmailKey(order.id));
    await database.prisma.job.deleteMany({ where: { dedupeKey: jobKey } });
    await sendReceiptEmail(database.prisma, order.id);
    const job = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: jobKey }, select: { payload: true } });
    const email = job.payload as { text: string };
    expect(email.text).toContain('Shipping to:\nBuyer 0 Test\n1 Test St');
    expect(email.text).not.toContain('Elsewhere');
  });

  it('ships a tap whose saved address is removed while paying to the copy taken when its unit was reserved', async () => {
    // One tap reserves (stock, order, address copy) before it pays, so the
    // address the order ships to was settled before the card was charged.
    const [buyer] = await makeBuyers(database.prisma, 1);
    const payments = new SpyPayments();
    payments.duringAuthorize = async () => {
      await database.prisma.address.deleteMany({ where: { userId: buyer!.userId } });
    };
    const order = await oneTap(buyer!, payments);
    expect(order.status).toBe('PAID');
    expect((await getMyOrder(database.prisma, buyer!, order.id)).address).toEqual(shippedTo);
    expect(payments.captured).toHaveLength(1);
  });
});
