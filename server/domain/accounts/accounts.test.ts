import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_EMAILS, DEMO_PASSWORD, seedDemoData, type DemoSeed } from '../../db/seed';
import { deleteAccount } from '../privacy';
import { saveInfluencerProfile } from './account-profile';
import { activeAccount, changePassword, registerAccount, verifyCredentials } from './accounts';
import { consumeSignInLink, linkToken, requestSignInLink } from './sign-in-links';

let database: TestDatabase;
let seed: DemoSeed;
beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
});
afterAll(async () => database?.stop());

const SECRET = 'accounts-test-secret-long-enough-for-hmac';
const linkOptions = { secret: SECRET, callbackUrl: '/' };

/** The token of the newest link emailed to an address, derived the way the email job derives it. */
async function latestLinkToken(email: string): Promise<string> {
  const row = await database.prisma.signInToken.findFirst({ where: { email }, orderBy: { createdAt: 'desc' } });
  return row ? linkToken(SECRET, 'sign-in', row.id) : '';
}

describe('accounts', () => {
  it('registers with a strong password, records the consent choice, and signs in with it', async () => {
    const user = await registerAccount(database.prisma, {
      name: 'Nok Phan',
      email: 'nok@test.live',
      password: 'a-long-passphrase',
      emailReminders: 'on',
    });
    expect(await verifyCredentials(database.prisma, 'NOK@test.live ', 'a-long-passphrase')).toEqual({ ...user, sessionVersion: 0 });
    expect(await verifyCredentials(database.prisma, 'nok@test.live', 'wrong-passphrase')).toBeNull();
    const consents = await database.prisma.consentRecord.findMany({ where: { userId: user.id } });
    expect(consents.map((c) => [c.purpose, c.granted, c.source]).sort()).toEqual([
      ['email.changes', true, 'signup'],
      ['email.live', true, 'signup'],
      ['email.reminders', true, 'signup'],
    ]);
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email with INVALID_INPUT and changes nothing', async () => {
    const before = await database.prisma.user.count();
    await expect(
      registerAccount(database.prisma, { name: 'Copy', email: DEMO_EMAILS.viewer, password: 'another-passphrase' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await database.prisma.user.count()).toBe(before);
  });

  it('changes a password only when the current one is right', async () => {
    const user = await registerAccount(database.prisma, { name: 'Pass Word', email: 'pw@test.live', password: 'first-passphrase' });
    const actor = { userId: user.id, name: user.name };
    await expect(
      changePassword(database.prisma, actor, { currentPassword: 'not-it', newPassword: 'second-passphrase' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await changePassword(database.prisma, actor, { currentPassword: 'first-passphrase', newPassword: 'second-passphrase' });
    expect(await verifyCredentials(database.prisma, 'pw@test.live', 'second-passphrase')).not.toBeNull();
    expect(await verifyCredentials(database.prisma, 'pw@test.live', 'first-passphrase')).toBeNull();
  });

  it('a sign-in link signs in once, and an unknown email gets an account on first use', async () => {
    await requestSignInLink(database.prisma, 'newcomer@test.live', linkOptions);
    const token = await latestLinkToken('newcomer@test.live');
    expect(token).not.toBe('');
    const user = await consumeSignInLink(database.prisma, token);
    expect(user).toMatchObject({ email: 'newcomer@test.live' });
    expect(await consumeSignInLink(database.prisma, token)).toBeNull();
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { email: 'newcomer@test.live' } });
    expect(stored.emailVerifiedAt).not.toBeNull();
    expect(stored.passwordHash).toBeNull();
  });

  it('an expired sign-in link does nothing', async () => {
    await requestSignInLink(database.prisma, 'late@test.live', linkOptions);
    const token = await latestLinkToken('late@test.live');
    await database.prisma.signInToken.updateMany({ where: { email: 'late@test.live' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeSignInLink(database.prisma, token)).toBeNull();
    expect(await database.prisma.user.findUnique({ where: { email: 'late@test.live' } })).toBeNull();
  });

  it('sign-in links are rate limited per email with RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++) await requestSignInLink(database.prisma, 'spam@test.live', linkOptions);
    await expect(requestSignInLink(database.prisma, 'spam@test.live', linkOptions)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('a handle belongs to one host profile', async () => {
    const user = await registerAccount(database.prisma, { name: 'Copy Cat', email: 'cat@test.live', password: 'copycat-passphrase' });
    await expect(saveInfluencerProfile(database.prisma, { userId: user.id, name: user.name }, { handle: 'mia' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      saveInfluencerProfile(
        database.prisma,
        { userId: user.id, name: user.name },
        { handle: 'cat', links: [{ label: 'x', url: 'javascript:alert(1)' }] },
      ),
    ).rejects.toThrow();
  });
});

describe('account deletion', () => {
  it('erases identity, cards and follows, keeps orders, and ends sign-in and sessions', async () => {
    const user = await registerAccount(database.prisma, { name: 'Gone Soon', email: 'gone@test.live', password: 'leaving-passphrase' });
    const address = await database.prisma.address.create({
      data: { userId: user.id, fullName: 'Gone Soon', line1: '1 Road', city: 'Vientiane', country: 'LA', isDefault: true },
    });
    await database.prisma.paymentMethod.create({
      data: {
        userId: user.id,
        provider: 'test',
        token: 'tok_test_visa_4242',
        brand: 'visa',
        last4: '4242',
        expMonth: 1,
        expYear: 2099,
        isDefault: true,
      },
    });
    const order = await database.prisma.order.create({
      data: { buyerId: user.id, brandId: seed.brandId, totalMinor: 100, currency: 'USD', idempotencyKey: 'k1', addressId: address.id },
    });
    await database.prisma.hostFollow.create({ data: { userId: user.id, hostId: seed.hostId } });

    await expect(deleteAccount(database.prisma, { userId: user.id, name: user.name }, 'someone@else.live')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await deleteAccount(database.prisma, { userId: user.id, name: user.name }, 'GONE@test.live');

    const stored = await database.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { paymentMethods: true, hostFollows: true, orders: true, addresses: true },
    });
    expect(stored).toMatchObject({ name: 'Deleted account', passwordHash: null, paymentMethods: [], hostFollows: [] });
    expect(stored.email).not.toContain('gone@');
    expect(stored.orders.map((o) => o.id)).toEqual([order.id]);
    expect(stored.addresses).toEqual([]); // orders keep their own copy of where they ship (Order.ship*)
    expect(await verifyCredentials(database.prisma, 'gone@test.live', 'leaving-passphrase')).toBeNull();
    expect(await activeAccount(database.prisma, user.id)).toBeNull();
  });

  it('refuses while the person hosts upcoming shows or is the only owner of a brand', async () => {
    const host = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.host } });
    await expect(deleteAccount(database.prisma, { userId: host.id, name: host.name }, DEMO_EMAILS.host)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.brand } });
    await expect(deleteAccount(database.prisma, { userId: owner.id, name: owner.name }, DEMO_EMAILS.brand)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await verifyCredentials(database.prisma, DEMO_EMAILS.brand, DEMO_PASSWORD)).not.toBeNull();
  });
});
