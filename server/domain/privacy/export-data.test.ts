import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { DATA_EXPORT_SCHEMA_VERSION, DATA_EXPORT_THROTTLE, exportMyData } from '.';
import { seedPerson } from './privacy.test-support';

let database: TestDatabase;
let seed: DemoSeed;
beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
});
afterAll(async () => database?.stop());

async function download(userId: string): Promise<string> {
  let text = '';
  for await (const chunk of await exportMyData(database.prisma, { userId, name: 'x' })) text += chunk;
  return text;
}

describe('downloading my data', () => {
  it('is one JSON document of everything about the person and nothing of anyone else', async () => {
    const me = await seedPerson(database.prisma, seed, 'me');
    const other = await seedPerson(database.prisma, seed, 'other');
    await database.prisma.user.update({ where: { id: me.userId }, data: { stripeAccountId: 'acct_MeHost0001' } });
    // More chat messages than one page: the file is written page by page and must still be whole.
    await database.prisma.chatMessage.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({ showId: seed.showId, userId: me.userId, text: `message ${i}` })),
    });

    const text = await download(me.userId);
    const data = JSON.parse(text);
    expect(data.schemaVersion).toBe(DATA_EXPORT_SCHEMA_VERSION);
    expect(data.account).toMatchObject({
      id: me.userId,
      email: me.email,
      name: me.name,
      hasPassword: true,
      stripeAccountId: 'acct_MeHost0001',
    });
    expect(data.addresses).toEqual([expect.objectContaining({ fullName: me.name, country: 'LA', isDefault: true })]);
    expect(data.paymentMethods).toEqual([expect.objectContaining({ brand: 'visa', last4: '4242' })]);
    expect(data.orders.map((o: { id: string }) => o.id).sort()).toEqual([me.openOrderId, me.finishedOrderId].sort());
    expect(data.orders[0].items).toEqual([expect.objectContaining({ title: 'Glow serum', quantity: 1 })]);
    expect(data.chatMessages).toHaveLength(1_101);
    expect(new Set(data.chatMessages.map((m: { id: string }) => m.id)).size).toBe(1_101);
    expect(data.follows.brands).toHaveLength(1);
    expect(data.follows.hosts).toHaveLength(1);
    expect(data.showReminders).toHaveLength(1);
    expect(data.questions).toHaveLength(1);
    expect(data.supportConversations[0].messages.map((m: { fromBrand: boolean }) => m.fromBrand)).toEqual([false, true]);
    expect(data.consents.length).toBeGreaterThan(0);
    expect(data.notificationSettings).toMatchObject({ emailReminders: true });
    expect(data.influencerProfile).toMatchObject({ bio: `I am ${me.name}` });
    expect(data.emailsSent).toEqual([expect.objectContaining({ subject: `Order for ${me.name}` })]);

    // Secrets stay ours: no password hash, no provider token, no sign-in token hash.
    expect(text).not.toMatch(/passwordHash|tok_test_visa|tokenHash|hash-/);
    for (const needle of other.strings) expect(text).not.toContain(needle);
  });

  it(`refuses with TOO_MANY_ATTEMPTS after ${DATA_EXPORT_THROTTLE.limit} downloads in an hour`, async () => {
    const me = await seedPerson(database.prisma, seed, 'often');
    for (let i = 0; i < DATA_EXPORT_THROTTLE.limit; i++) await download(me.userId);
    await expect(download(me.userId)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('is refused to a deleted account', async () => {
    const me = await seedPerson(database.prisma, seed, 'deleted');
    await database.prisma.user.update({ where: { id: me.userId }, data: { deletedAt: new Date() } });
    await expect(download(me.userId)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
