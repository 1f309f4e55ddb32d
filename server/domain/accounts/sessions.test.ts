import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { activeSession, changePassword, verifyCredentials } from './accounts';
import { hashSlotsPeak } from './hash-slots';
import { onAccountEvent, type AccountEvent } from './session-revocation';
import { consumeSignInLink, linkToken, requestSignInLink } from './sign-in-links';
import { signUp } from './sign-up';
import { throttleLimits } from '../throttle';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database?.stop());

const SECRET = 'sessions-test-secret-long-enough-for-hmac';
const limits = throttleLimits();
let ipCounter = 0;
/** A fresh address per test, so one test's counters never throttle another. */
const freshIp = () => `203.0.113.${++ipCounter}`;
const ctx = () => ({ ip: freshIp(), limits, secret: SECRET });

async function newestLinkToken(email: string, purpose: 'sign-in' | 'verify-email'): Promise<string> {
  const row = await database.prisma.signInToken.findFirstOrThrow({ where: { email, purpose }, orderBy: { createdAt: 'desc' } });
  return linkToken(SECRET, 'sign-in', row.id);
}

function recordEvents(): { events: AccountEvent[]; stop(): void } {
  const events: AccountEvent[] = [];
  return { events, stop: onAccountEvent((e) => events.push(e)) };
}

describe('account pre-hijacking', () => {
  it("an attacker's unverified password stops working and their session dies when the owner of the address signs in by email link", async () => {
    const attacker = await signUp(database.prisma, { name: 'Not Victim', email: 'victim@x.test', password: 'attacker-passphrase' }, ctx());
    const attackerSession = await verifyCredentials(database.prisma, 'victim@x.test', 'attacker-passphrase');
    expect(attackerSession).not.toBeNull();
    expect(await activeSession(database.prisma, attacker.id, attackerSession!.sessionVersion)).not.toBeNull();

    const recorder = recordEvents();
    await requestSignInLink(database.prisma, 'victim@x.test', { secret: SECRET, callbackUrl: '/' });
    const victim = await consumeSignInLink(database.prisma, await newestLinkToken('victim@x.test', 'sign-in'));
    recorder.stop();

    expect(victim).toMatchObject({ id: attacker.id, email: 'victim@x.test' });
    expect(await verifyCredentials(database.prisma, 'victim@x.test', 'attacker-passphrase')).toBeNull();
    expect(await activeSession(database.prisma, attacker.id, attackerSession!.sessionVersion)).toBeNull();
    expect(await activeSession(database.prisma, attacker.id, victim!.sessionVersion)).not.toBeNull();
    expect(recorder.events).toContainEqual({ kind: 'sessions-revoked', userId: attacker.id });
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: attacker.id } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.emailVerifiedAt).not.toBeNull();
  });

  it('the verification link sent at sign-up proves the address and keeps the password; a later link sign-in keeps it too', async () => {
    const user = await signUp(database.prisma, { name: 'Real Owner', email: 'owner@x.test', password: 'owner-passphrase' }, ctx());
    const verified = await consumeSignInLink(database.prisma, await newestLinkToken('owner@x.test', 'verify-email'));
    expect(verified).toMatchObject({ id: user.id, sessionVersion: 0 });
    await requestSignInLink(database.prisma, 'owner@x.test', { secret: SECRET, callbackUrl: '/' });
    expect(await consumeSignInLink(database.prisma, await newestLinkToken('owner@x.test', 'sign-in'))).toMatchObject({
      id: user.id,
      sessionVersion: 0,
    });
    expect(await verifyCredentials(database.prisma, 'owner@x.test', 'owner-passphrase')).toMatchObject({ id: user.id });
  });
});

describe('session revocation', () => {
  it('a password change ends every session issued before it', async () => {
    const user = await signUp(database.prisma, { name: 'Changer', email: 'changer@x.test', password: 'first-passphrase' }, ctx());
    const recorder = recordEvents();
    const version = await changePassword(
      database.prisma,
      { userId: user.id, name: user.name },
      { currentPassword: 'first-passphrase', newPassword: 'second-passphrase' },
    );
    recorder.stop();
    expect(version).toBe(1);
    expect(await activeSession(database.prisma, user.id, 0)).toBeNull();
    expect(await activeSession(database.prisma, user.id, version)).toMatchObject({ id: user.id });
    expect(recorder.events).toEqual([{ kind: 'sessions-revoked', userId: user.id }]);
  });
});

describe('throttles', () => {
  it('sign-ups are limited per address with TOO_MANY_ATTEMPTS and a retry delay', async () => {
    const tight = { ip: freshIp(), limits: throttleLimits(JSON.stringify({ signUpsPerIp: 2 })), secret: SECRET };
    await signUp(database.prisma, { name: 'One', email: 'su1@x.test', password: 'signup-passphrase' }, tight);
    await signUp(database.prisma, { name: 'Two', email: 'su2@x.test', password: 'signup-passphrase' }, tight);
    await expect(
      signUp(database.prisma, { name: 'Three', email: 'su3@x.test', password: 'signup-passphrase' }, tight),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
    expect(await database.prisma.user.count({ where: { email: 'su3@x.test' } })).toBe(0);
    await signUp(database.prisma, { name: 'Elsewhere', email: 'su4@x.test', password: 'signup-passphrase' }, { ...tight, ip: freshIp() });
  });

  it('failed password sign-ins are limited per account: past the limit even the right password is refused', async () => {
    await signUp(database.prisma, { name: 'Target', email: 'target@x.test', password: 'target-passphrase' }, ctx());
    const tight = throttleLimits(JSON.stringify({ signInFailuresPerAccount: 3 }));
    for (let i = 0; i < 3; i++)
      expect(
        await verifyCredentials(database.prisma, 'target@x.test', `guess-${i}-passphrase`, { ip: freshIp(), limits: tight }),
      ).toBeNull();
    await expect(
      verifyCredentials(database.prisma, 'target@x.test', 'target-passphrase', { ip: freshIp(), limits: tight }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('failed password sign-ins are limited per address across accounts', async () => {
    const ip = freshIp();
    const tight = throttleLimits(JSON.stringify({ signInFailuresPerIp: 3 }));
    for (let i = 0; i < 3; i++)
      expect(await verifyCredentials(database.prisma, `spray${i}@x.test`, 'spray-passphrase', { ip, limits: tight })).toBeNull();
    await expect(verifyCredentials(database.prisma, 'spray9@x.test', 'spray-passphrase', { ip, limits: tight })).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    expect(await verifyCredentials(database.prisma, 'spray9@x.test', 'spray-passphrase', { ip: freshIp(), limits: tight })).toBeNull();
  });

  it('parallel password checks never run more than four argon2 hashes at once', async () => {
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        verifyCredentials(database.prisma, `parallel${i}@x.test`, 'parallel-passphrase', { ip: freshIp(), limits }),
      ),
    );
    expect(hashSlotsPeak()).toBeGreaterThan(1);
    expect(hashSlotsPeak()).toBeLessThanOrEqual(4);
  });
});
