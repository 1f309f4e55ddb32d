import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { TestPaymentProvider } from './test-provider';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import {
  addAddress,
  addPaymentMethod,
  getWallet,
  removeAddress,
  removePaymentMethod,
  setDefaultAddress,
  setDefaultPaymentMethod,
  walletNeeds,
} from './wallet';

let database: TestDatabase;
let actors: DemoActors;
let newcomer: Actor;
const payments = new TestPaymentProvider();
const address = (city: string) => ({ fullName: 'Noa Newcomer', line1: '1 First St', city, country: 'fr' });
const nextYear = new Date().getFullYear() + 1;
const card = (number: string) => ({ number, expMonth: 12, expYear: nextYear, cvc: '123', holder: 'Noa Newcomer' });

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  const user = await database.prisma.user.create({ data: { email: 'newcomer@test.live', name: 'Noa Newcomer' } });
  newcomer = { userId: user.id, name: user.name };
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const defaults = async (actor: Actor) => {
  const wallet = await getWallet(database.prisma, actor);
  return {
    addresses: wallet.addresses.filter((a) => a.isDefault).map((a) => a.city),
    cards: wallet.cards.filter((c) => c.isDefault).map((c) => c.last4),
  };
};

describe('wallet', () => {
  it('a first-time buyer needs both; the first address and card become the defaults, and there is always exactly one of each', async () => {
    expect(await walletNeeds(database.prisma, newcomer)).toEqual({ address: true, card: true });
    const paris = await addAddress(database.prisma, newcomer, address('Paris'));
    expect(paris).toMatchObject({ isDefault: true, country: 'FR' });
    await addAddress(database.prisma, newcomer, address('Lyon'));
    expect((await defaults(newcomer)).addresses).toEqual(['Paris']);
    const nice = await addAddress(database.prisma, newcomer, address('Nice'), { makeDefault: true });
    expect((await defaults(newcomer)).addresses).toEqual(['Nice']);
    await setDefaultAddress(database.prisma, newcomer, paris.id);
    expect((await defaults(newcomer)).addresses).toEqual(['Paris']);
    await removeAddress(database.prisma, newcomer, paris.id);
    // Removing the default promotes the newest other address.
    expect((await defaults(newcomer)).addresses).toEqual(['Nice']);
    await removeAddress(database.prisma, newcomer, nice.id);
    expect((await defaults(newcomer)).addresses).toEqual(['Lyon']);

    const visa = await addPaymentMethod(database.prisma, payments, newcomer, card('4242424242424242'));
    const master = await addPaymentMethod(database.prisma, payments, newcomer, card('5555 5555 5555 4444'), { makeDefault: true });
    expect((await defaults(newcomer)).cards).toEqual(['4444']);
    await setDefaultPaymentMethod(database.prisma, newcomer, visa.id);
    await removePaymentMethod(database.prisma, newcomer, visa.id);
    expect((await defaults(newcomer)).cards).toEqual([master.last4]);
    expect(await walletNeeds(database.prisma, newcomer)).toEqual({ address: false, card: false });
  });

  it('refuses an address with an unknown country and a card that fails the checks', async () => {
    await expectAppError(addAddress(database.prisma, newcomer, { ...address('Nowhere'), country: 'QQ' }), 'INVALID_INPUT');
    await expectAppError(addPaymentMethod(database.prisma, payments, newcomer, card('4242424242424241')), 'INVALID_INPUT');
    await expectAppError(
      addPaymentMethod(database.prisma, payments, newcomer, { ...card('4242424242424242'), expYear: 2001 }),
      'INVALID_INPUT',
    );
  });

  it('a country typed as a name is refused, never cut to two letters: "Cambodia" is not saved as CA (Canada)', async () => {
    for (const country of ['Cambodia', 'CAMBODIA', 'Canada ', 'KHM']) {
      const refusal = await addAddress(database.prisma, newcomer, { ...address('Phnom Penh'), country }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusal, country).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'INVALID_INPUT', reason: 'WALLET_COUNTRY' });
    }
    expect(await database.prisma.address.count({ where: { userId: newcomer.userId, city: 'Phnom Penh' } })).toBe(0);
    expect(await addAddress(database.prisma, newcomer, { ...address('Phnom Penh'), country: ' kh ' })).toMatchObject({ country: 'KH' });
  });

  it('only assigned ISO 3166-1 codes are countries: regions the runtime can name (EU, UN, QO, EZ, AC) are refused', async () => {
    for (const country of ['EU', 'UN', 'QO', 'EZ', 'AC', 'ZZ']) {
      await expectAppError(addAddress(database.prisma, newcomer, { ...address('Somewhere'), country }), 'INVALID_INPUT');
    }
    expect(await database.prisma.address.count({ where: { userId: newcomer.userId, city: 'Somewhere' } })).toBe(0);
  });

  it('a card the provider declines is refused with PAYMENT_DECLINED and never kept, and the default card stays the default', async () => {
    const user = await database.prisma.user.create({ data: { email: 'declined-card@test.live', name: 'Dara Declined' } });
    const buyer = { userId: user.id, name: user.name };
    const working = await addPaymentMethod(database.prisma, payments, buyer, card('4242424242424242'));
    await expectAppError(
      addPaymentMethod(database.prisma, payments, buyer, card('4000 0000 0000 0002'), { makeDefault: true }),
      'PAYMENT_DECLINED',
    );
    const cards = await database.prisma.paymentMethod.findMany({ where: { userId: buyer.userId }, select: { id: true, isDefault: true } });
    expect(cards).toEqual([{ id: working.id, isDefault: true }]);
  });

  it('stores the token, brand, last four and expiry only: the card number is in no database row', async () => {
    await addPaymentMethod(database.prisma, payments, newcomer, card('4000 0000 0000 9995'));
    const saved = await database.prisma.paymentMethod.findFirstOrThrow({ where: { userId: newcomer.userId, last4: '9995' } });
    expect(saved).toMatchObject({ token: 'tok_test_visa_insufficient', brand: 'visa', provider: 'test' });
    const tables = await database.prisma.$queryRaw<
      { table_name: string }[]
    >`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    for (const { table_name } of tables) {
      const [hit] = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table_name}" t WHERE to_jsonb(t)::text LIKE '%4000000000009995%' OR to_jsonb(t)::text LIKE '%4000 0000 0000 9995%'`,
      );
      expect(Number(hit!.n), table_name).toBe(0);
    }
  });

  it("another user's address or card is NOT_FOUND, and stays as it was", async () => {
    const [theirs] = (await getWallet(database.prisma, actors.viewer)).addresses;
    const [theirCard] = (await getWallet(database.prisma, actors.viewer)).cards;
    await expectAppError(removeAddress(database.prisma, newcomer, theirs!.id), 'NOT_FOUND');
    await expectAppError(setDefaultAddress(database.prisma, newcomer, theirs!.id), 'NOT_FOUND');
    await expectAppError(removePaymentMethod(database.prisma, newcomer, theirCard!.id), 'NOT_FOUND');
    await expectAppError(setDefaultPaymentMethod(database.prisma, newcomer, theirCard!.id), 'NOT_FOUND');
    expect(await database.prisma.address.findUnique({ where: { id: theirs!.id } })).toMatchObject({ isDefault: true });
    expect(await database.prisma.paymentMethod.findUnique({ where: { id: theirCard!.id } })).toMatchObject({ isDefault: true });
  });
});
