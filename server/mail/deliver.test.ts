import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import type { Env } from '../env';
import { JobWorker } from '../jobs/runner';
import { jobHandlers } from '../effects/job-handlers';
import { makeAllJobsDue, silentLog, testEnv } from '../jobs/test-support';
import { enqueueEmail, type OutgoingEmail } from './outbox';
import { createMailTransport } from './transport';

interface Received {
  from: string;
  to: string[];
  headers: Map<string, string>;
  raw: string;
}

/** A real SMTP server on a random local port that keeps what it is sent (or refuses while `refuse` is set). */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) return callback(new Error('mailbox unavailable, try later'));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          headers: parseHeaders(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function parseHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

describe('email delivery', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    [database, smtp] = await Promise.all([startTestDatabase(), startSmtpServer()]);
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
