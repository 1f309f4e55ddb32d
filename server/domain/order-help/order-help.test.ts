import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { advanceOrder, cancelMyOrder } from '../orders';
import { buy, payments, PUBLIC_URL, type OrderFixtures, useOrderDatabase } from '../orders/order-test-support';
import { expectAppError, type DemoActors } from '../test-actors';
import { AppError } from '../errors';
import { answerOrderHelp, changeOrderAddress, getReturnWindow, requestReturn, setReturnWindow } from './index';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;
const DAY = 86_400_000;
const ship = { carrier: 'DHL', trackingNumber: 'JD0142' };
const newAddress = { fullName: 'Sam Rivera', line1: '12 Riverside', city: 'Phnom Penh', country: 'KH', phone: '+855 12 345 678' };

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

const newOrder = async () => (await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId)).id;
const advance = (id: string, to: 'PACKED' | 'SHIPPED' | 'DELIVERED') =>
  advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, to, to === 'SHIPPED' ? ship : null, PUBLIC_URL);
async function delivered(): Promise<string> {
  const id = await newOrder();
  for (const step of ['PACKED', 'SHIPPED', 'DELIVERED'] as const) await advance(id, step);
  return id;
}
const eventsOf = async (id: string) =>
  (await database.prisma.brandEvent.findMany({ where: { data: { path: ['orderId'], equals: id } }, select: { type: true } })).map(
    (e) => e.type,
  );
async function refusalOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

describe('order help answers', () => {
  it('"where is my order?" is answered with the shipped status, carrier and tracking number', async () => {
    const id = await newOrder();
    await advance(id, 'PACKED');
    await advance(id, 'SHIPPED');
    const answer = await answerOrderHelp(database.prisma, actors.viewer, id, { question: 'Where is my order?' }, 'en');
    expect(answer).toMatchObject({
      topic: 'status',
      status: 'SHIPPED',
      carrier: 'DHL',
      trackingNumber: 'JD0142',
      action: null,
      refusal: null,
    });
  });

  it('asking to cancel a paid order offers the cancel button; after packing it is refused with ORDER_TOO_LATE_TO_CANCEL', async () => {
    const id = await newOrder();
    expect(await answerOrderHelp(database.prisma, actors.viewer, id, { question: 'please cancel it' }, 'en')).toMatchObject({
      topic: 'cancel',
      action: 'cancel',
    });
    await advance(id, 'PACKED');
    const late = await answerOrderHelp(database.prisma, actors.viewer, id, { topic: 'cancel' }, 'en');
    expect(late).toMatchObject({ action: 'contact', refusal: { key: 'ORDER_TOO_LATE_TO_CANCEL' } });
    expect(await refusalOf(cancelMyOrder(database.prisma, payments, actors.viewer, id))).toBe('ORDER_TOO_LATE_TO_CANCEL');
  });

  it('a question it cannot place offers a conversation with the brand', async () => {
    const id = await newOrder();
    expect(await answerOrderHelp(database.prisma, actors.viewer, id, { question: 'is the box recyclable?' }, 'en')).toMatchObject({
      topic: 'other',
      action: 'contact',
    });
  });

  it("someone else's order is ORDER_NOT_FOUND", async () => {
    const id = await newOrder();
    await expectAppError(answerOrderHelp(database.prisma, actors.viewer2, id, { topic: 'status' }, 'en'), 'NOT_FOUND');
  });
});

describe('changing the address before packing', () => {
  it('a paid order gets the new address and announces order.address_changed', async () => {
    const id = await newOrder();
    expect(await answerOrderHelp(database.prisma, actors.viewer, id, { topic: 'address' }, 'en')).toMatchObject({
      action: 'change_address',
    });
    await changeOrderAddress(database.prisma, actors.viewer, id, newAddress);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ shipName: 'Sam Rivera', shipLine1: '12 Riverside', shipCity: 'Phnom Penh', shipCountry: 'KH' });
    expect(await eventsOf(id)).toContain('order.address_changed');
  });

  it('after packing the address change is refused with ORDER_ADDRESS_TOO_LATE and the address stays', async () => {
    const id = await newOrder();
    const before = await database.prisma.order.findUniqueOrThrow({ where: { id }, select: { shipLine1: true } });
    await advance(id, 'PACKED');
    expect(await answerOrderHelp(database.prisma, actors.viewer, id, { topic: 'address' }, 'en')).toMatchObject({
      refusal: { key: 'ORDER_ADDRESS_TOO_LATE' },
    });
    expect(await refusalOf(changeOrderAddress(database.prisma, actors.viewer, id, newAddress))).toBe('ORDER_ADDRESS_TOO_LATE');
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id }, select: { shipLine1: true } })).toEqual(before);
  });

  it('an invalid address is refused with the wallet form reason', async () => {
    const id = await newOrder();
    expect(await refusalOf(changeOrderAddress(database.prisma, actors.viewer, id, { ...newAddress, country: 'Cambodia' }))).toBe(
      'WALLET_COUNTRY',
    );
  });
});

describe('asking for a return', () => {
  it('a delivered order within the window gets a return request, announced as order.return_requested, once', async () => {
    const id = await delivered();
    expect(await answerOrderHelp(database.prisma, actors.viewer, id, { topic: 'return' }, 'en')).toMatchObject({
      action: 'request_return',
    });
    await requestReturn(database.prisma, actors.viewer, id, 'Too small');
    expect(await database.prisma.returnRequest.findUnique({ where: { orderId: id } })).toMatchObject({ reason: 'Too small' });
    expect(await eventsOf(id)).toContain('order.return_requested');
    expect(await refusalOf(requestReturn(database.prisma, actors.viewer, id, 'again'))).toBe('RETURN_ALREADY_REQUESTED');
    // The order itself is untouched: refunding stays the brand's action.
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id } })).status).toBe('DELIVERED');
  });

  it('before delivery a return is refused with RETURN_NOT_DELIVERED', async () => {
    const id = await newOrder();
    expect(await refusalOf(requestReturn(database.prisma, actors.viewer, id, ''))).toBe('RETURN_NOT_DELIVERED');
  });

  it("outside the brand's return window a return is refused with RETURN_WINDOW_CLOSED naming the window", async () => {
    const id = await delivered();
    await database.prisma.brand.update({ where: { slug: 'lumen' }, data: { returnWindowDays: 7 } });
    try {
      const later = new Date(Date.now() + 8 * DAY);
      const answer = await answerOrderHelp(database.prisma, actors.viewer, id, { topic: 'return' }, 'en', later);
      expect(answer).toMatchObject({ action: 'contact', refusal: { key: 'RETURN_WINDOW_CLOSED', params: { days: 7 } } });
      const error = await requestReturn(database.prisma, actors.viewer, id, 'late', later).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'RETURN_WINDOW_CLOSED', params: { days: 7 } });
      // Six days after delivery is still inside it.
      await requestReturn(database.prisma, actors.viewer, id, 'in time', new Date(Date.now() + 6 * DAY));
    } finally {
      await database.prisma.brand.update({ where: { slug: 'lumen' }, data: { returnWindowDays: 14 } });
    }
  });
});

describe("the brand's return window setting", () => {
  const windowOf = async () => (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).returnWindowDays;

  it('the owner sets it as typed, Khmer digits too, and 0 means returns are not accepted', async () => {
    try {
      expect(await setReturnWindow(database.prisma, actors.lumenOwner, 'lumen', ' 30 ')).toBe(30);
      expect(await getReturnWindow(database.prisma, actors.lumenOwner, 'lumen')).toBe(30);
      expect(await setReturnWindow(database.prisma, actors.lumenOwner, 'lumen', '៧')).toBe(7);
      await setReturnWindow(database.prisma, actors.lumenOwner, 'lumen', '0');
      const id = await delivered();
      expect(await refusalOf(requestReturn(database.prisma, actors.viewer, id, 'changed my mind'))).toBe('RETURN_WINDOW_CLOSED');
    } finally {
      await database.prisma.brand.update({ where: { slug: 'lumen' }, data: { returnWindowDays: 14 } });
    }
  });

  it('a window that is not 0 to 365 whole days is refused with RETURN_WINDOW_RANGE and changes nothing', async () => {
    for (const typed of ['', '-1', '366', '7.5', 'two weeks', '1e2']) {
      const error = await setReturnWindow(database.prisma, actors.lumenOwner, 'lumen', typed).catch((e: unknown) => e);
      expect(error, typed).toMatchObject({ reason: 'RETURN_WINDOW_RANGE', params: { max: 365 } });
    }
    expect(await windowOf()).toBe(14);
  });

  it("another brand's owner and a viewer cannot change it", async () => {
    expect(await refusalOf(setReturnWindow(database.prisma, actors.koraOwner, 'lumen', '3'))).toBeDefined();
    expect(await refusalOf(setReturnWindow(database.prisma, actors.viewer, 'lumen', '3'))).toBeDefined();
    expect(await windowOf()).toBe(14);
  });
});
