import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createUser } from '../../jobs/test-support';
import { AppError } from '../errors';
import { getNotificationPreferences, setNotificationPreferences } from './notification-preferences';
import { createUnsubscribeToken, previewUnsubscribe, unsubscribe, unsubscribeLinks, verifyUnsubscribeToken } from './unsubscribe';

const SECRET = 'x'.repeat(40);
const DEFAULT_LEAD = 15;

describe('unsubscribe links and notification preferences', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => database?.stop());
  const db = () => database.prisma;
  const consents = (userId: string) =>
    db().consentRecord.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { purpose: true, granted: true, source: true },
    });
  const invalidInput = expect.objectContaining({ name: 'AppError', code: 'INVALID_INPUT' });

  it('refuses a token whose purpose, person or signature was altered, or that was signed with another secret', () => {
    const token = createUnsubscribeToken(SECRET, { userId: 'user_1', purpose: 'reminders' });
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: 'user_1', purpose: 'reminders' });
    const [userId, purpose, mac] = token.split('.') as [string, string, string];
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const tampered of [
      `${userId}.all.${mac}`,
      `user_2.${purpose}.${mac}`,
      `${userId}.${purpose}.${flipped}`,
      `${userId}.${purpose}.${mac.slice(0, -4)}`,
      `${userId}.${purpose}`,
      '',
      createUnsubscribeToken('y'.repeat(40), { userId, purpose: 'reminders' }),
    ]) {
      expect(() => verifyUnsubscribeToken(SECRET, tampered), tampered).toThrow(AppError);
      expect(() => verifyUnsubscribeToken(SECRET, tampered)).toThrow(invalidInput);
    }
  });

  it('changes nothing when a tampered token is used', async () => {
    const user = await createUser(db(), 'Sam');
    const token = createUnsubscribeToken(SECRET, { userId: user.id, purpose: 'reminders' }).replace('.reminders.', '.all.');
    await expect(unsubscribe(db(), SECRET, token, DEFAULT_LEAD)).rejects.toThrow(invalidInput);
    expect(await getNotificationPreferences(db(), user.id, DEFAULT_LEAD)).toMatchObject({ reminders: true, live: true, changes: true });
    expect(await consents(user.id)).toEqual([]);
  });

  it('turns off the named email with a valid token and records the consent change once, however often it is used', async () => {
    const user = await createUser(db(), 'Sam');
    const token = createUnsubscribeToken(SECRET, { userId: user.id, purpose: 'reminders' });
    const result = await unsubscribe(db(), SECRET, token, DEFAULT_LEAD);
    expect(result.preferences).toEqual({ reminders: false, live: true, changes: true, reminderLeadMinutes: DEFAULT_LEAD });
    await unsubscribe(db(), SECRET, token, DEFAULT_LEAD);
    expect(await consents(user.id)).toEqual([{ purpose: 'email.reminders', granted: false, source: 'unsubscribe-link' }]);
  });

  it('turns everything off with an "all" token', async () => {
    const user = await createUser(db(), 'Sam');
    await unsubscribe(db(), SECRET, createUnsubscribeToken(SECRET, { userId: user.id, purpose: 'all' }), DEFAULT_LEAD);
    expect(await getNotificationPreferences(db(), user.id, DEFAULT_LEAD)).toMatchObject({ reminders: false, live: false, changes: false });
    expect((await consents(user.id)).map((c) => c.purpose).sort()).toEqual(['email.changes', 'email.live', 'email.reminders']);
  });

  it('previews what a link turns off without changing anything, and hides most of the address', async () => {
    const user = await createUser(db(), 'Sam');
    const preview = await previewUnsubscribe(db(), SECRET, createUnsubscribeToken(SECRET, { userId: user.id, purpose: 'live' }));
    expect(preview).toEqual({ purpose: 'live', topics: ['live'], maskedEmail: `s***@example.test` });
    expect(await db().notificationPreference.count({ where: { userId: user.id } })).toBe(0);
  });

  it('builds a confirmation page link and a one-click POST link carrying the same token', () => {
    const links = unsubscribeLinks('http://shop.test', SECRET, { userId: 'u1', purpose: 'changes' });
    expect(links.pageUrl).toMatch(/^http:\/\/shop\.test\/unsubscribe\?token=u1\.changes\./);
    expect(links.oneClickUrl).toBe(links.pageUrl.replace('/unsubscribe?', '/api/unsubscribe?'));
  });

  it('records a consent row per changed choice when preferences are saved, and none for unchanged ones', async () => {
    const user = await createUser(db(), 'Sam');
    expect(await getNotificationPreferences(db(), user.id, 30)).toEqual({
      reminders: true,
      live: true,
      changes: true,
      reminderLeadMinutes: 30,
    });
    await setNotificationPreferences(db(), user.id, { reminders: true, live: false, reminderLeadMinutes: 60 }, 'preferences', DEFAULT_LEAD);
    await setNotificationPreferences(db(), user.id, { live: true, changes: true }, 'preferences', DEFAULT_LEAD);
    expect(await getNotificationPreferences(db(), user.id, DEFAULT_LEAD)).toEqual({
      reminders: true,
      live: true,
      changes: true,
      reminderLeadMinutes: 60,
    });
    expect(await consents(user.id)).toEqual([
      { purpose: 'email.live', granted: false, source: 'preferences' },
      { purpose: 'email.live', granted: true, source: 'preferences' },
    ]);
  });

  it('refuses a reminder lead time that is not offered', async () => {
    const user = await createUser(db(), 'Sam');
    await expect(setNotificationPreferences(db(), user.id, { reminderLeadMinutes: 7 }, 'preferences', DEFAULT_LEAD)).rejects.toThrow(
      invalidInput,
    );
    // The configured default is always offered, even when it is not one of the fixed choices.
    await expect(setNotificationPreferences(db(), user.id, { reminderLeadMinutes: 30 }, 'preferences', 30)).resolves.toMatchObject({
      reminderLeadMinutes: 30,
    });
  });
});
