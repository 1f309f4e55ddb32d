import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedDemoData, DEMO_EMAILS } from '../db/seed';
import { inviteBrandMember } from '../domain/brands';
import { linkToken, requestSignInLink } from '../domain/accounts';
import { throttleLimits } from '../domain/throttle';
import type { Env } from '../env';
import { JobWorker } from '../jobs/runner';
import { jobHandlers } from './job-handlers';
import { silentLog, testEnv } from '../jobs/test-support';
import { createMailTransport } from '../mail/transport';

let database: TestDatabase;
let smtp: { url: string; raw: string[]; close(): Promise<void> };
beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  smtp = { url: `smtp://127.0.0.1:${port}`, raw, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});
afterAll(async () => {
  await smtp?.close();
  await database?.stop();
});

const drain = (env: Env) =>
  new JobWorker({ db: database.prisma, env, log: silentLog, mail: createMailTransport(env), handlers: jobHandlers }).drain();

/** Every row of the tables that could hold a link, as one string to search. */
async function storedText(): Promise<string> {
  const [jobs, invites, links, emails] = await Promise.all([
    database.prisma.job.findMany(),
    database.prisma.brandInvite.findMany(),
    database.prisma.signInToken.findMany(),
    database.prisma.emailMessage.findMany(),
  ]);
  return JSON.stringify({ jobs, invites, links, emails });
}

describe('secret links at rest', () => {
  it('no raw sign-in or invitation token is in the jobs, invitations or sign-in tables, and over SMTP the stored email is redacted', async () => {
    const env = testEnv(database.url, { SMTP_URL: smtp.url });
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.brand } });
    await requestSignInLink(database.prisma, 'someone@x.test', { secret: env.AUTH_SECRET, callbackUrl: '/' });
    await inviteBrandMember(
      database.prisma,
      { userId: owner.id, name: owner.name },
      'lumen',
      { email: 'invitee@x.test', role: 'STAFF' },
      { secret: env.AUTH_SECRET, ip: null, limits: throttleLimits() },
    );
    const signInRow = await database.prisma.signInToken.findFirstOrThrow({ where: { email: 'someone@x.test' } });
    const inviteRow = await database.prisma.brandInvite.findFirstOrThrow({ where: { email: 'invitee@x.test' } });
    const signInToken = linkToken(env.AUTH_SECRET, 'sign-in', signInRow.id);
    const inviteToken = linkToken(env.AUTH_SECRET, 'brand-invite', inviteRow.id);

    // Queued: the jobs name the rows, nothing else.
    let stored = await storedText();
    expect(stored).not.toContain(signInToken);
    expect(stored).not.toContain(inviteToken);

    await drain(env);
    // Sent: the recipient got the working links...
    const sent = smtp.raw.join('\n').replace(/=\r?\n/g, '');
    expect(sent).toContain(signInToken);
    expect(sent).toContain(inviteToken);
    // ...and what the app keeps has neither.
    stored = await storedText();
    expect(stored).not.toContain(signInToken);
    expect(stored).not.toContain(inviteToken);
    expect(
      await database.prisma.emailMessage.count({ where: { kind: { in: ['auth.sign-in-link', 'brand.invite'] }, status: 'SENT' } }),
    ).toBe(2);
  });

  it('the local outbox (no SMTP) keeps the link: it is the delivery, read on /mailbox', async () => {
    const env = testEnv(database.url);
    await requestSignInLink(database.prisma, 'local@x.test', { secret: env.AUTH_SECRET, callbackUrl: '/' });
    const row = await database.prisma.signInToken.findFirstOrThrow({ where: { email: 'local@x.test' } });
    await drain(env);
    const email = await database.prisma.emailMessage.findFirstOrThrow({ where: { to: 'local@x.test' } });
    expect(email.text).toContain(linkToken(env.AUTH_SECRET, 'sign-in', row.id));
  });

  it('a sign-in link for an account that uses the site in Lao is written in Lao', async () => {
    const env = testEnv(database.url);
    await database.prisma.user.update({ where: { email: DEMO_EMAILS.viewer2 }, data: { locale: 'lo' } });
    await requestSignInLink(database.prisma, DEMO_EMAILS.viewer2, { secret: env.AUTH_SECRET, callbackUrl: '/' });
    await drain(env);
    const email = await database.prisma.emailMessage.findFirstOrThrow({
      where: { to: DEMO_EMAILS.viewer2 },
      orderBy: { createdAt: 'desc' },
    });
    expect(email.subject).toBe('ລິ້ງເຂົ້າສູ່ລະບົບຂອງທ່ານ');
    expect(email.text).toContain('ເປີດລິ້ງນີ້ເພື່ອເຂົ້າສູ່ລະບົບ');
    expect(email.text).not.toMatch(/Open this link/);
  });

  it('a team invitation to someone who uses the site in Mongolian is written in Mongolian', async () => {
    const env = testEnv(database.url);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.brand } });
    await database.prisma.user.update({ where: { email: DEMO_EMAILS.viewer }, data: { locale: 'mn' } });
    await inviteBrandMember(
      database.prisma,
      { userId: owner.id, name: owner.name },
      'lumen',
      { email: DEMO_EMAILS.viewer, role: 'STAFF' },
      { secret: env.AUTH_SECRET, ip: null, limits: throttleLimits() },
    );
    await drain(env);
    const email = await database.prisma.emailMessage.findFirstOrThrow({ where: { to: DEMO_EMAILS.viewer, kind: 'brand.invite' } });
    expect(email.subject).toContain('брэндэд урьлаа');
    expect(email.text).toContain('ажилтан');
    expect(email.text).not.toMatch(/invited you|Accept the invitation/);
  });
});
