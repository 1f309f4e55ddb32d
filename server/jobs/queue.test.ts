import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import type { Env } from '../env';
import { createMailTransport } from '../mail/transport';
import { enqueueEmail } from '../mail/outbox';
import type { JobHandler } from './context';
import { jobHandlers } from '../effects/job-handlers';
import { runJobHandler, type JobHandlers } from './handlers';
import { claimDueJobs, enqueueJob, retryDelayMs } from './queue';
import { JobWorker, startJobRunner } from './runner';
import { silentLog, testEnv } from './test-support';

describe('durable job queue', () => {
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

  const worker = (handlers: JobHandlers = jobHandlers, workerId?: string) =>
    new JobWorker({
      db: database.prisma,
      env,
      log: silentLog,
      mail: createMailTransport(env),
      handlers,
      ...(workerId && { workerId }),
      batchSize: 3,
    });
  const email = (n: number) => ({
    dedupeKey: `test:${n}`,
    to: `person${n}@example.test`,
    subject: `Hello ${n}`,
    text: 'Hi',
    html: '<p>Hi</p>',
    kind: 'test',
  });

  it('keeps one job per dedupeKey however often it is enqueued', async () => {
    const job = { kind: 'show.live', payload: { showId: 's1', startedAt: new Date().toISOString() }, dedupeKey: 'same' } as const;
    expect(await enqueueJob(database.prisma, job)).toEqual({ created: true });
    expect(await enqueueJob(database.prisma, job)).toEqual({ created: false });
    expect(await database.prisma.job.count()).toBe(1);
  });

  it('runs each job exactly once when two workers drain the same queue at the same time', async () => {
    for (let n = 0; n < 24; n++) await enqueueEmail(database.prisma, email(n));
    const runs = new Map<string, number>();
    const counting: JobHandler<'email.send'> = async (payload) => {
      runs.set(payload.dedupeKey, (runs.get(payload.dedupeKey) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve));
      return 'done';
    };
    const handlers = { ...jobHandlers, 'email.send': counting };
    const [a, b] = await Promise.all([worker(handlers, 'node-a').drain(), worker(handlers, 'node-b').drain()]);
    expect(a + b).toBe(24);
    expect(runs.size).toBe(24);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(await database.prisma.job.count({ where: { completedAt: { not: null }, attempts: 1 } })).toBe(24);
  });

  it('runs a job again once its dead worker’s lease expires, and its email is still sent only once', async () => {
    await enqueueEmail(database.prisma, email(1));
    // Node A claims the job and sends the email, then dies before recording completion.
    const [claimed] = await claimDueJobs(database.prisma, 'node-a', 1, 60_000);
    await runJobHandler(jobHandlers, 'email.send', claimed!.payload, {
      db: database.prisma,
      env,
      log: silentLog,
      mail: createMailTransport(env),
    });
    // While A's lease runs, nobody else takes the job.
    expect(await worker(jobHandlers, 'node-b').drain()).toBe(0);
    await database.prisma.job.update({ where: { id: claimed!.id }, data: { lockedUntil: new Date(Date.now() - 60_000) } });

    expect(await worker(jobHandlers, 'node-b').drain()).toBe(1);
    const job = await database.prisma.job.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(job).toMatchObject({ attempts: 2, lockedBy: null, completedAt: expect.any(Date) });
    const sent = await database.prisma.emailMessage.findMany();
    expect(sent).toEqual([expect.objectContaining({ dedupeKey: 'test:1', status: 'SENT' })]);
  });

  it('picks up the jobs left pending when a new runner starts on the same database', async () => {
    await enqueueEmail(database.prisma, email(1));
    await enqueueEmail(database.prisma, email(2));
    const runner = startJobRunner({ db: database.prisma, env, log: silentLog, handlers: jobHandlers });
    try {
      await vi.waitFor(async () => expect(await database.prisma.emailMessage.count({ where: { status: 'SENT' } })).toBe(2), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      await runner.stop();
    }
    expect(await database.prisma.job.count({ where: { completedAt: null } })).toBe(0);
  });

  it('retries a failing job with growing backoff, then marks it failed after maxAttempts', async () => {
    await enqueueJob(database.prisma, { kind: 'email.send', payload: email(1), maxAttempts: 3 });
    const failing = { ...jobHandlers, 'email.send': async () => Promise.reject(new Error('mail server said no')) } satisfies JobHandlers;
    const dueInSeconds = async () => {
      const job = await database.prisma.job.findFirstOrThrow();
      return { job, seconds: (job.runAt.getTime() - Date.now()) / 1000 };
    };

    await worker(failing).drain();
    let { job, seconds } = await dueInSeconds();
    expect(job).toMatchObject({ attempts: 1, failedAt: null, lastError: 'mail server said no', lockedBy: null });
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);

    await database.prisma.job.updateMany({ data: { runAt: new Date(Date.now() - 1000) } });
    await worker(failing).drain();
    ({ job, seconds } = await dueInSeconds());
    expect(job).toMatchObject({ attempts: 2, failedAt: null });
    expect(seconds).toBeGreaterThan(50);

    await database.prisma.job.updateMany({ data: { runAt: new Date(Date.now() - 1000) } });
    await worker(failing).drain();
    ({ job } = await dueInSeconds());
    expect(job).toMatchObject({ attempts: 3, failedAt: expect.any(Date), completedAt: null, lastError: 'mail server said no' });
    expect(await worker(failing).drain()).toBe(0);
  });

  it('backs off 30 s, 1 min, 2 min … up to an hour', () => {
    expect([1, 2, 3, 4, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });

  it('fails a job whose payload does not fit its schema at once, without retrying', async () => {
    await database.prisma.job.create({ data: { kind: 'email.send', payload: { to: 'not an address' } } });
    await worker().drain();
    expect(await database.prisma.job.findFirstOrThrow()).toMatchObject({ attempts: 1, failedAt: expect.any(Date) });
  });

  it('stop() waits for the job in hand to finish', async () => {
    let release!: () => void;
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const blocking: JobHandler<'email.send'> = async () => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      return 'done';
    };
    await enqueueEmail(database.prisma, email(1));
    const runner = startJobRunner({ db: database.prisma, env, log: silentLog, handlers: { ...jobHandlers, 'email.send': blocking } });
    await handlerStarted;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await database.prisma.job.findFirstOrThrow()).toMatchObject({ completedAt: expect.any(Date) });
  });
});
