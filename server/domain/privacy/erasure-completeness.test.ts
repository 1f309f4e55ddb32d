import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { anonymiseFinishedOrdersOfDeletedAccounts, deleteAccount, deleteMyAccount, DELETED_NAME } from '.';
import { seedPerson } from './privacy.test-support';

let database: TestDatabase;
let seed: DemoSeed;
beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
});
afterAll(async () => database?.stop());

interface Hit {
  table: string;
  column: string;
  id: string | null;
}

/**
 * Every row of every table whose text, varchar, text[] or JSON column contains `needle`, found through
 * information_schema: a table added later is searched without anyone remembering to list it.
 */
async function findEverywhere(needle: string): Promise<Hit[]> {
  const columns = await database.prisma.$queryRaw<{ table: string; column: string; hasId: boolean }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column",
           EXISTS (SELECT 1 FROM information_schema.columns i
                    WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id') AS "hasId"
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema()
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))`;
  const hits: Hit[] = [];
  for (const { table, column, hasId } of columns) {
    const id = hasId ? '"id"::text' : 'NULL';
    const rows = await database.prisma.$queryRawUnsafe<{ id: string | null }[]>(
      `SELECT ${id} AS id FROM "${table}" WHERE "${column}"::text ILIKE $1`,
      `%${needle}%`,
    );
    hits.push(...rows.map((row) => ({ table, column, id: row.id })));
  }
  return hits;
}

describe('deleting an account', () => {
  it('leaves none of the person’s email, name, address or phone in any column of any table, except the shipping copy of an order still on its way', async () => {
    const person = await seedPerson(database.prisma, seed, 'gone');
    // The search itself must work: before deletion it finds the person in the places seeded.
    expect((await findEverywhere(person.email)).map((h) => h.table)).toEqual(
      expect.arrayContaining([
        'User',
        'EmailMessage',
        'Job',
        'BrandEvent',
        'SignInToken',
        'BrandInvite',
        'ShowInvite',
        'PaymentWebhookEvent',
      ]),
    );

    await deleteMyAccount(
      database.prisma,
      { userId: person.userId, name: person.name },
      { confirmEmail: person.email, password: person.password },
    );

    // Documented in docs/security.md: the brand still has to ship an order that is on its way.
    const kept = (hit: Hit) => hit.table === 'Order' && hit.id === person.openOrderId && hit.column.startsWith('ship');
    for (const needle of person.strings) {
      expect(
        (await findEverywhere(needle)).filter((hit) => !kept(hit)),
        needle,
      ).toEqual([]);
    }
    const finished = await database.prisma.order.findUniqueOrThrow({ where: { id: person.finishedOrderId } });
    expect(finished).toMatchObject({ shipName: DELETED_NAME, shipCountry: 'LA', totalMinor: 1000 });
  });

  it('records account.deleted once, naming ids only, and a second run refuses and changes nothing', async () => {
    const person = await seedPerson(database.prisma, seed, 'twice');
    // A host's Stripe Connect account: no payout may follow a deleted account.
    await database.prisma.user.update({ where: { id: person.userId }, data: { stripeAccountId: 'acct_GoneHost0001' } });
    await deleteAccount(database.prisma, { userId: person.userId, name: person.name }, person.email);
    const jobs = await database.prisma.job.findMany({
      where: { kind: 'account.deleted', payload: { path: ['userId'], equals: person.userId } },
    });
    expect(jobs).toHaveLength(1);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: person.userId } })).stripeAccountId).toBeNull();
    expect(jobs[0]!.payload).toMatchObject({ userId: person.userId, stripeCustomers: [{ providerId: expect.stringMatching(/^prov_/) }] });

    const before = await database.prisma.user.findUniqueOrThrow({ where: { id: person.userId } });
    await expect(deleteAccount(database.prisma, { userId: person.userId, name: person.name }, before.email)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: person.userId } })).toEqual(before);
    expect(
      await database.prisma.job.count({ where: { kind: 'account.deleted', payload: { path: ['userId'], equals: person.userId } } }),
    ).toBe(1);
  });

  it('asks for the password of an account that has one, and a wrong one deletes nothing', async () => {
    const person = await seedPerson(database.prisma, seed, 'pw');
    const actor = { userId: person.userId, name: person.name };
    await expect(
      deleteMyAccount(database.prisma, actor, { confirmEmail: person.email, password: 'not-my-passphrase' }),
    ).rejects.toMatchObject({
      reason: 'CURRENT_PASSWORD_WRONG',
    });
    await expect(deleteMyAccount(database.prisma, actor, { confirmEmail: person.email, password: '' })).rejects.toMatchObject({
      reason: 'CURRENT_PASSWORD_WRONG',
    });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: person.userId } })).toMatchObject({
      email: person.email,
      deletedAt: null,
    });
  });

  it('replaces the shipping address of an order that was on its way once the brand has delivered it', async () => {
    const person = await seedPerson(database.prisma, seed, 'later');
    await deleteAccount(database.prisma, { userId: person.userId, name: person.name }, person.email);
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id: person.openOrderId } })).toMatchObject({ shipName: person.name });

    await database.prisma.order.update({ where: { id: person.openOrderId }, data: { status: 'DELIVERED', deliveredAt: new Date() } });
    expect(await anonymiseFinishedOrdersOfDeletedAccounts(database.prisma)).toBeGreaterThanOrEqual(1);
    expect(await database.prisma.order.findUniqueOrThrow({ where: { id: person.openOrderId } })).toMatchObject({
      shipName: DELETED_NAME,
      shipLine1: '',
      shipPhone: '',
    });
    for (const needle of person.strings) expect(await findEverywhere(needle), needle).toEqual([]);
  });
});
