import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { startSmtpStandIn } from '../../test/support/smtp-server';
import type { Env } from '../env';
import { JobWorker } from '../jobs/runner';
import { jobHandlers } from '../effects/job-handlers';
import { makeAllJobsDue, silentLog, testEnv } from '../jobs/test-support';
import { enqueueEmail, type OutgoingEmail } from './outbox';
import { createMailTransport } from './transport';

describe('email delivery', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  beforeAll(async () => {
    [database, smtp] = await Promise.all([startTestDatabase(), startSmtpStandIn()]);
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.stop();
  });
  beforeEach(async () => {
    await database.prisma.job.deleteMany();
    await database.prisma.emailMessage.deleteMany();
    smtp.received.length = 0;
    smtp.state.refuse = false;
  });

  const drain = (env: Env) =>
    new JobWorker({ db: database.prisma, env, log: silentLog, mail: createMailTransport(env), handlers: jobHandlers }).drain();
  const reminder: OutgoingEmail = {
    dedupeKey: 'reminder:show1:user1:2030-01-01T10:00:00.000Z',
    to: 'sam@example.test',
    subject: 'Starting in 15 minutes: Glow <Up>',
    text: 'Hi Sam',
    html: '<p>Hi Sam</p>',
    kind: 'show.reminder',
    listUnsubscribeUrl: 'http://shop.test/api/unsubscribe?token=user1.reminders.abc',
  };

  it('sends through SMTP when SMTP_URL is set, with RFC 8058 one-click unsubscribe headers and MAIL_FROM', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url, MAIL_FROM: 'Live Shop <hello@shop.test>' });
    await enqueueEmail(database.prisma, reminder);
    await drain(env);

    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.from).toBe('hello@shop.test');
    expect(message!.to).toEqual(['sam@example.test']);
    expect(message!.headers.get('subject')).toBe('Starting in 15 minutes: Glow <Up>');
    expect(message!.headers.get('list-unsubscribe')).toBe('<http://shop.test/api/unsubscribe?token=user1.reminders.abc>');
    expect(message!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(await database.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: reminder.dedupeKey } })).toMatchObject({
      transport: 'smtp',
      status: 'SENT',
      sentAt: expect.any(Date),
    });
  });

  it('leaves the unsubscribe headers off transactional email such as sign-in links', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    await enqueueEmail(database.prisma, {
      dedupeKey: 'sign-in:1',
      to: 'sam@example.test',
      subject: 'Your sign-in link',
      text: 'link',
      html: '<p>link</p>',
      kind: 'auth.sign-in-link',
    });
    await drain(env);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.headers.has('list-unsubscribe')).toBe(false);
  });

  it('records a refused send as FAILED, retries the job later and then delivers it once', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    smtp.state.refuse = true;
    await enqueueEmail(database.prisma, reminder);
    await drain(env);
    expect(await database.prisma.emailMessage.findFirstOrThrow()).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('mailbox unavailable'),
    });
    expect(await database.prisma.job.findFirstOrThrow()).toMatchObject({ attempts: 1, completedAt: null, failedAt: null });

    smtp.state.refuse = false;
    await makeAllJobsDue(database.prisma);
    await drain(env);
    expect(smtp.received).toHaveLength(1);
    expect(await database.prisma.emailMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', error: null });
  });

  it('keeps the message in the outbox when SMTP_URL is not set', async () => {
    const env = testEnv(database.url);
    await enqueueEmail(database.prisma, reminder);
    await drain(env);
    expect(smtp.received).toHaveLength(0);
    expect(await database.prisma.emailMessage.findMany()).toEqual([
      expect.objectContaining({
        to: 'sam@example.test',
        subject: reminder.subject,
        text: 'Hi Sam',
        html: '<p>Hi Sam</p>',
        kind: 'show.reminder',
        transport: 'outbox',
        status: 'SENT',
      }),
    ]);
  });

  it('never sends the same dedupeKey twice, even when queued again after it was sent', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    await enqueueEmail(database.prisma, reminder);
    await enqueueEmail(database.prisma, reminder);
    await drain(env);
    // A second job for the same email (say, from a retried fan-out) finds the EmailMessage row and stops.
    await database.prisma.job.deleteMany();
    await enqueueEmail(database.prisma, reminder);
    await drain(env);
    expect(smtp.received).toHaveLength(1);
  });

  it('does not send again an email whose earlier attempt may have reached the server (still SENDING after a crash)', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    const { listUnsubscribeUrl: _, ...row } = reminder;
    await database.prisma.emailMessage.create({ data: { ...row, transport: 'smtp', status: 'SENDING' } });
    await enqueueEmail(database.prisma, reminder);
    await drain(env);
    expect(smtp.received).toHaveLength(0);
    expect(await database.prisma.job.findFirstOrThrow()).toMatchObject({ completedAt: expect.any(Date) });
  });

  it('puts a subject on one line whatever it contained', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    await enqueueEmail(database.prisma, { ...reminder, subject: 'Hello\r\nBcc: victim@example.test' });
    await drain(env);
    expect(smtp.received[0]!.to).toEqual(['sam@example.test']);
    expect(smtp.received[0]!.headers.get('subject')).toBe('Hello Bcc: victim@example.test');
  });
});
