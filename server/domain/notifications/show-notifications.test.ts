import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { Env } from '../../env';
import { JobWorker } from '../../jobs/runner';
import { jobHandlers } from '../../effects/job-handlers';
import { createUser, makeAllJobsDue, silentLog, testEnv } from '../../jobs/test-support';
import { createMailTransport } from '../../mail/transport';
import { setNotificationPreferences } from './notification-preferences';
import { announceShowChange, announceShowLive, planUpcomingReminders, scheduleShowReminders } from './show-notifications';
import { unsubscribe } from './unsubscribe';

describe('show notifications', () => {
  let database: TestDatabase;
  let env: Env;
  beforeAll(async () => {
    database = await startTestDatabase();
    env = testEnv(database.url);
  });
  afterAll(async () => database?.stop());
  beforeEach(async () => {
    await database.prisma.job.deleteMany();
    await database.prisma.emailMessage.deleteMany();
  });

  const db = () => database.prisma;
  const drain = () => new JobWorker({ db: db(), env, log: silentLog, mail: createMailTransport(env), handlers: jobHandlers }).drain();
  const emails = (kind?: string) => db().emailMessage.findMany({ where: kind ? { kind } : {}, orderBy: { to: 'asc' } });
  const inTwoHours = () => new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60 * 60_000);

  /** A show with a brand follower, a host follower, a "Remind me" person, someone doing all three, a deleted follower and a bystander. */
  async function showWithAudience() {
    const suffix = Math.random().toString(36).slice(2, 8);
    const host = await createUser(db(), 'Mia Host');
    const brand = await db().brand.create({ data: { slug: `lumen-${suffix}`, name: 'Lumen & Co', timeZone: 'Asia/Phnom_Penh' } });
    const show = await db().show.create({
      data: { brandId: brand.id, hostId: host.id, title: 'Glow <Up> Live', scheduledStart: inTwoHours(), hostInviteStatus: 'ACCEPTED' },
    });
    const [brandFan, hostFan, remindMe, superFan, deleted, bystander] = await Promise.all(
      ['Brand Fan', 'Host Fan', 'Remind Me', 'Super Fan', 'Gone Person', 'By Stander'].map((name) => createUser(db(), name)),
    );
    await db().brandFollow.createMany({ data: [brandFan, superFan, deleted].map((u) => ({ userId: u!.id, brandId: brand.id })) });
    await db().hostFollow.createMany({ data: [hostFan, superFan].map((u) => ({ userId: u!.id, hostId: host.id })) });
    await db().showReminder.createMany({ data: [remindMe, superFan].map((u) => ({ userId: u!.id, showId: show.id })) });
    await db().user.update({ where: { id: deleted!.id }, data: { deletedAt: new Date() } });
    return { show, brand, host, audience: [brandFan!, hostFan!, remindMe!, superFan!], deleted: deleted!, bystander: bystander! };
  }

  it('reminds each follower and "Remind me" person once, and nobody deleted or unrelated', async () => {
    const { show, audience } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await drain();
    await makeAllJobsDue(db());
    await drain();

    const sent = await emails('show.reminder');
    expect(sent.map((e) => e.to).sort()).toEqual(audience.map((u) => u.email).sort());
    const start = show.scheduledStart.toISOString();
    expect(sent.map((e) => e.dedupeKey).sort()).toEqual(audience.map((u) => `reminder:${show.id}:${u.id}:${start}`).sort());
  });

  it('writes a friendly email with the show link, both time zones, escaped HTML and an unsubscribe link', async () => {
    const { show, audience } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await drain();
    await makeAllJobsDue(db());
    await drain();

    const email = (await emails('show.reminder')).find((e) => e.to === audience[0]!.email)!;
    expect(email.subject).toMatch(/^Starting in \d+ (minutes|hours): Glow <Up> Live$/);
    expect(email.text).toContain('Hi Brand Fan,');
    expect(email.text).toContain('with Mia Host for Lumen & Co');
    expect(email.text).toContain(`http://shop.test/shows/${show.id}`);
    expect(email.text).toMatch(/UTC \(.+ Asia\/Phnom_Penh\)/);
    expect(email.text).toMatch(/Stop reminder emails: http:\/\/shop\.test\/unsubscribe\?token=/);
    expect(email.html).toContain('Glow &#60;Up&#62; Live');
    expect(email.html).toContain('Lumen &#38; Co');
    expect(email.html).not.toContain('<Up>');
  });

  it('plans the same reminders once however often scheduling is called', async () => {
    const { show } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await scheduleShowReminders(db(), show.id);
    await drain();
    await scheduleShowReminders(db(), show.id);
    await drain();
    const reminderJobs = await db().job.findMany({ where: { kind: 'show.reminders' } });
    expect(reminderJobs.map((j) => (j.payload as { leadMinutes: number }).leadMinutes).sort((a, b) => a - b)).toEqual([5, 15, 60, 1440]);
  });

  it('sends reminders only at the lead time each person chose', async () => {
    const { show, audience } = await showWithAudience();
    const [, , remindMe] = audience;
    await setNotificationPreferences(db(), remindMe!.id, { reminderLeadMinutes: 60 }, 'preferences', env.REMINDER_LEAD_MINUTES);
    await scheduleShowReminders(db(), show.id);
    await drain();
    await db()
      .$executeRaw`UPDATE "Job" SET "runAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "kind" = 'show.reminders' AND "payload"->>'leadMinutes' = '60'`;
    await drain();
    expect((await emails('show.reminder')).map((e) => e.to)).toEqual([remindMe!.email]);
  });

  it('sends nothing from the old reminder job of a rescheduled show, reminds at the new time and tells people it moved', async () => {
    const { show, audience } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await drain();
    const previousStart = show.scheduledStart;
    const oldReminderJobs = { dedupeKey: { startsWith: `show-reminders:${show.id}:${previousStart.toISOString()}` } };
    // The day-ahead reminder was already due when planned (the show is two hours away) and has run.
    const ranBeforeMove = await db().job.findMany({ where: { ...oldReminderJobs, completedAt: { not: null } }, select: { id: true } });
    const newStart = new Date(previousStart.getTime() + 60 * 60_000);
    await db().show.update({ where: { id: show.id }, data: { scheduledStart: newStart } });
    await announceShowChange(db(), show.id, { kind: 'rescheduled', previousStart });
    // Once to run the old reminders and plan the new ones, once more for the new ones.
    await makeAllJobsDue(db());
    await drain();
    await makeAllJobsDue(db());
    await drain();

    const reminders = await emails('show.reminder');
    expect(reminders).toHaveLength(audience.length);
    expect(reminders.every((e) => e.dedupeKey.endsWith(newStart.toISOString()))).toBe(true);
    const moved = await emails('show.rescheduled');
    expect(moved.map((e) => e.dedupeKey).sort()).toEqual(
      audience.map((u) => `changed:${show.id}:${u.id}:rescheduled:${newStart.toISOString()}`).sort(),
    );
    expect(moved[0]!.text).toContain('New start:');
    // The jobs for the old start that were still pending were dropped, not kept as if they had sent something.
    expect(await db().job.findMany({ where: oldReminderJobs, select: { id: true } })).toEqual(ranBeforeMove);
  });

  it('sends no reminders for a cancelled show, only the cancellation with its reason', async () => {
    const { show, audience } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await drain();
    const cancelledAt = new Date();
    await db().show.update({ where: { id: show.id }, data: { status: 'CANCELLED', cancelledAt, cancelReason: 'Host is unwell' } });
    await announceShowChange(db(), show.id, { kind: 'cancelled', reason: 'Host is unwell' });
    await makeAllJobsDue(db());
    await drain();

    expect(await emails('show.reminder')).toEqual([]);
    const cancelled = await emails('show.cancelled');
    expect(cancelled).toHaveLength(audience.length);
    expect(cancelled[0]!.subject).toBe('Cancelled: Glow <Up> Live');
    expect(cancelled[0]!.text).toContain('Reason: Host is unwell');
  });

  it('tells the audience once when the show goes live, however often it is announced', async () => {
    const { show, audience } = await showWithAudience();
    await db().show.update({ where: { id: show.id }, data: { status: 'LIVE', startedAt: new Date() } });
    await announceShowLive(db(), show.id);
    await announceShowLive(db(), show.id);
    await drain();
    await announceShowLive(db(), show.id);
    await drain();
    const live = await emails('show.live');
    expect(live.map((e) => e.to).sort()).toEqual(audience.map((u) => u.email).sort());
    expect(live[0]!.subject).toBe('Live now: Glow <Up> Live');
  });

  it('does not email people who turned that kind of email off, by preference or by unsubscribe link', async () => {
    const { show, audience } = await showWithAudience();
    const [brandFan, hostFan] = audience;
    await setNotificationPreferences(db(), brandFan!.id, { live: false }, 'preferences', env.REMINDER_LEAD_MINUTES);
    // Host Fan uses the unsubscribe link of a first go-live email.
    await db().show.update({ where: { id: show.id }, data: { status: 'LIVE', startedAt: new Date(Date.now() - 3_600_000) } });
    await announceShowLive(db(), show.id);
    await drain();
    const first = (await emails('show.live')).find((e) => e.to === hostFan!.email)!;
    const token = decodeURIComponent(/unsubscribe\?token=([^\s"&]+)/.exec(first.text)![1]!);
    await unsubscribe(db(), env.AUTH_SECRET, token, env.REMINDER_LEAD_MINUTES);

    await db().emailMessage.deleteMany();
    await db().show.update({ where: { id: show.id }, data: { startedAt: new Date() } });
    await announceShowLive(db(), show.id);
    await drain();
    const second = (await emails('show.live')).map((e) => e.to);
    expect(second).not.toContain(brandFan!.email);
    expect(second).not.toContain(hostFan!.email);
    expect(second).toHaveLength(audience.length - 2);
  });

  it('reminds someone who followed after the show was scheduled', async () => {
    const { show, brand } = await showWithAudience();
    await scheduleShowReminders(db(), show.id);
    await drain();
    const latecomer = await createUser(db(), 'Late Comer');
    await db().brandFollow.create({ data: { userId: latecomer.id, brandId: brand.id } });
    await makeAllJobsDue(db());
    await drain();
    expect((await emails('show.reminder')).map((e) => e.to)).toContain(latecomer.email);
  });

  it('plans reminders at boot for upcoming accepted shows, but not for shows whose host has not accepted', async () => {
    const { show } = await showWithAudience();
    const pending = await db().show.create({
      data: {
        brandId: show.brandId,
        hostId: show.hostId,
        title: 'Pending host',
        scheduledStart: inTwoHours(),
        hostInviteStatus: 'PENDING',
      },
    });
    await db().job.deleteMany();
    await planUpcomingReminders(db(), env.REMINDER_LEAD_MINUTES);
    const jobs = await db().job.findMany({ where: { kind: 'show.reminders' } });
    const showIds = new Set(jobs.map((j) => (j.payload as { showId: string }).showId));
    expect(showIds.has(show.id)).toBe(true);
    expect(showIds.has(pending.id)).toBe(false);
    // Nothing is planned twice when the runner sweeps again.
    expect(await planUpcomingReminders(db(), env.REMINDER_LEAD_MINUTES)).toBe(0);
  });
});
