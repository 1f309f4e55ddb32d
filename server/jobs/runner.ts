import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import type { PrismaClient as Db } from '../db/client';
import type { Env } from '../env';
import type { Logger } from '../log';
import { createMailTransport, type MailTransport } from '../mail/transport';
import type { JobOutcome } from './context';
import { runJobHandler, type JobHandlers } from './handlers';
import { isJobKind } from './kinds';
import { claimDueJobs, completeJob, discardJob, failJob, onJobDue, type Job } from './queue';

export interface JobRunner {
  /** Stops polling and resolves once the jobs in hand have finished. Safe to call twice. */
  stop(): Promise<void>;
}

export interface JobWorkerOptions {
  db: Db;
  env: Env;
  log: Logger;
  mail: MailTransport;
  workerId?: string;
  /** Which handler runs each kind (server/effects/job-handlers.ts). */
  handlers: JobHandlers;
  /** How long a claimed job is ours before another worker may take it over. */
  leaseMs?: number;
  /** Jobs claimed (and run side by side) at a time. */
  batchSize?: number;
}

/** Claims due jobs and runs them. The runner below drives it on a timer; tests drive it directly. */
export class JobWorker {
  readonly workerId: string;
  private readonly opts: Required<Omit<JobWorkerOptions, 'workerId'>>;

  constructor({ workerId, ...opts }: JobWorkerOptions) {
    this.workerId = workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.opts = { leaseMs: 2 * 60_000, batchSize: 4, ...opts };
  }

  /** Runs one batch of due jobs; answers how many were claimed. */
  async runDueJobs(): Promise<number> {
    const jobs = await claimDueJobs(this.opts.db, this.workerId, this.opts.batchSize, this.opts.leaseMs);
    // Settled, not all: stop() relies on every claimed job having finished when this returns.
    const results = await Promise.allSettled(jobs.map((job) => this.runJob(job)));
    for (const [index, result] of results.entries()) {
      if (result.status === 'rejected')
        this.opts.log.error(
          { err: result.reason, jobId: jobs[index]!.id },
          'recording a job result failed; its lease will expire and it will run again',
        );
    }
    return jobs.length;
  }

  /** Runs batches until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let ran = await this.runDueJobs(); ran > 0; ran = await this.runDueJobs()) total += ran;
    return total;
  }

  private async runJob(job: Job): Promise<void> {
    const { db, env, mail, handlers } = this.opts;
    const log = this.opts.log.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempts, workerId: this.workerId });
    if (!isJobKind(job.kind)) {
      await failJob(db, job, this.workerId, new Error(`unknown job kind ${job.kind}`), { permanent: true });
      log.error('unknown job kind; failed');
      return;
    }
    if (job.attempts > job.maxAttempts) {
      // Claimed again after its lease ran out on the last allowed attempt: its worker kept dying.
      await failJob(db, job, this.workerId, new Error(job.lastError ?? 'lease expired on every attempt'), { permanent: true });
      log.error('job abandoned by its worker on every attempt; failed');
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await runJobHandler(handlers, job.kind, job.payload, { db, env, mail, log });
    } catch (error) {
      // A payload that does not fit its schema will not fit next time either.
      const result = await failJob(db, job, this.workerId, error, { permanent: error instanceof ZodError });
      log[result.kind === 'retry' ? 'warn' : 'error']({ err: error, result }, 'job failed');
      return;
    }
    const kept = await this.finish(job, outcome);
    if (kept) log.debug({ outcome }, 'job finished');
    else log.warn({ outcome }, 'job finished after its lease was taken over by another worker');
  }

  private finish(job: Job, outcome: JobOutcome): Promise<boolean> {
    switch (outcome) {
      case 'done':
        return completeJob(this.opts.db, job.id, this.workerId);
      case 'discard':
        return discardJob(this.opts.db, job.id, this.workerId);
      default:
        return assertNever(outcome);
    }
  }
}

const POLL_MS = 1_000;

/**
 * Runs due jobs from the durable queue until stopped: polls every second, wakes
 * at once when this process enqueues a due job, and at boot and every few
 * runs each of `sweeps` on its own period (the app plans reminders for upcoming shows
 * and settles order reservations orphaned by a process that died while paying there).
 */
export interface PeriodicSweep {
  everyMs: number;
  run: () => Promise<void>;
}

export function startJobRunner({
  db,
  env,
  log,
  handlers,
  sweeps = [],
}: {
  db: Db;
  env: Env;
  log: Logger;
  handlers: JobHandlers;
  /** Periodic work beside the queue, each on its own period (first run at start); each logs its own failures. */
  sweeps?: readonly PeriodicSweep[];
}): JobRunner {
  const mail = createMailTransport(env);
  const worker = new JobWorker({ db, env, log, mail, handlers });
  if (mail.name === 'outbox') {
    log.info('SMTP_URL is not set: email is kept in the local outbox at /mailbox (shown to requests from this machine only)');
  }
  let stopping = false;
  let wakeRequested = false;
  let wake: (() => void) | undefined;
  const stopListening = onJobDue(() => {
    wakeRequested = true;
    wake?.();
  });

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (wakeRequested || stopping) return resolve();
      const timer = setTimeout(resolve, POLL_MS);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = undefined;
    });

  const loop = (async () => {
    const due = sweeps.map(() => 0);
    while (!stopping) {
      wakeRequested = false;
      for (const [i, sweep] of sweeps.entries()) {
        if (Date.now() < due[i]!) continue;
        due[i] = Date.now() + sweep.everyMs;
        // Inside the promise: nothing a sweep throws may stop the runner's loop.
        await Promise.resolve()
          .then(sweep.run)
          .catch((error: unknown) => log.error({ err: error }, 'a periodic sweep failed'));
      }
      let ran = 0;
      try {
        ran = await worker.runDueJobs();
      } catch (error) {
        log.error({ err: error }, 'claiming jobs failed');
      }
      if (ran === 0) await sleep();
    }
  })();
  log.info({ workerId: worker.workerId, transport: mail.name }, 'job runner started');

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        stopListening();
        wake?.();
        await loop;
        mail.close();
        log.info('job runner stopped');
      })();
      return stopped;
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`unhandled job outcome ${JSON.stringify(value)}`);
}
