import { Prisma, type Job } from '../db/client';
import type { PrismaClient as Db } from '../db/client';
import type { JobKind, JobPayload } from './kinds';
import { processSingleton } from '../process-registry';

export type { Job };

export interface NewJob<K extends JobKind> {
  kind: K;
  payload: JobPayload<K>;
  /** When the job becomes due; now when absent. */
  runAt?: Date;
  /** At most one job ever exists per key: enqueueing it again does nothing. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export type AnyNewJob = { [K in JobKind]: NewJob<K> }[JobKind];

// Job times are compared with the database clock only: with several nodes
// draining one queue, their own clocks would disagree about leases. The columns
// are `timestamp without time zone` holding UTC, as Prisma writes them.
const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Queues a job; answers whether it was new (false when its dedupeKey already existed). */
export async function enqueueJob<K extends JobKind>(db: Db, job: NewJob<K>): Promise<{ created: boolean }> {
  const created = await enqueueJobs(db, [job as AnyNewJob]);
  return { created: created === 1 };
}

/** Queues many jobs in one statement; answers how many were new. */
export async function enqueueJobs(db: Db, jobs: readonly AnyNewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const { count } = await db.job.createMany({
    data: jobs.map((job) => ({
      kind: job.kind,
      payload: job.payload as Prisma.InputJsonObject,
      runAt: job.runAt,
      dedupeKey: job.dedupeKey,
      maxAttempts: job.maxAttempts,
    })),
    skipDuplicates: true,
  });
  if (count > 0 && jobs.some((job) => !job.runAt || job.runAt.getTime() <= Date.now())) notifyJobDue();
  return count;
}

/**
 * Takes up to `limit` due jobs for this worker. SKIP LOCKED lets several nodes
 * claim at once without waiting for or double-taking each other's rows; the
 * lease means a job whose worker died becomes claimable again once it expires.
 * Each claim counts as an attempt, so a job that kills its worker every time
 * still ends up failed.
 */
export async function claimDueJobs(db: Db, workerId: string, limit: number, leaseMs: number): Promise<Job[]> {
  return db.$queryRaw<Job[]>`
    UPDATE "Job"
       SET "lockedBy" = ${workerId},
           "lockedUntil" = ${DB_NOW} + ${Math.round(leaseMs)}::int * interval '1 millisecond',
           "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "Job"
        WHERE "completedAt" IS NULL AND "failedAt" IS NULL
          AND "runAt" <= ${DB_NOW}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${DB_NOW})
        ORDER BY "runAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

// The lockedBy condition on every release: a worker whose lease ran out and was
// taken over must not overwrite what the new owner records.

/** Marks a claimed job done; answers false when another worker had taken it over. */
export async function completeJob(db: Db, jobId: string, workerId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "Job" SET "completedAt" = ${DB_NOW}, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL
     WHERE "id" = ${jobId} AND "lockedBy" = ${workerId}`;
  return updated === 1;
}

/** Removes a claimed job that turned out to be moot (e.g. a reminder for a start time that changed), freeing its dedupeKey. */
export async function discardJob(db: Db, jobId: string, workerId: string): Promise<boolean> {
  const deleted = await db.job.deleteMany({ where: { id: jobId, lockedBy: workerId } });
  return deleted.count === 1;
}

/** Delay before retrying after the given attempt failed: 30 s, 1 min, 2 min, … capped at an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

export type FailOutcome = { kind: 'retry'; delayMs: number } | { kind: 'failed' } | { kind: 'lost' };

/** Records a failed attempt: retried later with backoff, or failed for good after maxAttempts (or when `permanent`). */
export async function failJob(db: Db, job: Job, workerId: string, error: unknown, { permanent = false } = {}): Promise<FailOutcome> {
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (permanent || job.attempts >= job.maxAttempts) {
    const updated = await db.$executeRaw`
      UPDATE "Job" SET "failedAt" = ${DB_NOW}, "lastError" = ${lastError}, "lockedBy" = NULL, "lockedUntil" = NULL
       WHERE "id" = ${job.id} AND "lockedBy" = ${workerId}`;
    return updated === 1 ? { kind: 'failed' } : { kind: 'lost' };
  }
  const delayMs = retryDelayMs(job.attempts);
  const updated = await db.$executeRaw`
    UPDATE "Job" SET "runAt" = ${DB_NOW} + ${delayMs}::int * interval '1 millisecond', "lastError" = ${lastError}, "lockedBy" = NULL, "lockedUntil" = NULL
     WHERE "id" = ${job.id} AND "lockedBy" = ${workerId}`;
  return updated === 1 ? { kind: 'retry', delayMs } : { kind: 'lost' };
}

/**
 * Runs a job that failed for good once more, from its first attempt. Only a failed job is touched, in one
 * conditional statement: two requests at once re-queue it once (the second finds it queued and answers false).
 * The payload's `retry` counts these re-runs, for handlers whose provider replays a refusal to a repeated
 * idempotency key (Stripe does, for 24 hours): they send the re-run under a key of its own.
 */
export async function retryFailedJob(db: Db, jobId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "Job" SET "failedAt" = NULL, "attempts" = 0, "runAt" = ${DB_NOW}, "lockedBy" = NULL, "lockedUntil" = NULL,
           "payload" = jsonb_set("payload", '{retry}', to_jsonb(COALESCE(("payload"->>'retry')::int, 0) + 1))
     WHERE "id" = ${jobId} AND "failedAt" IS NOT NULL AND "completedAt" IS NULL`;
  if (updated === 1) notifyJobDue();
  return updated === 1;
}

// An in-process nudge so a job enqueued by a request runs now rather than at the
// next poll. In the process registry because Next.js bundles its own copy of this
// module; other nodes simply pick the job up on their next poll.
function wakeListeners(): Set<() => void> {
  return processSingleton('jobs.wake', () => new Set<() => void>());
}

/** Calls `listener` whenever a job that is already due is enqueued in this process; returns the unsubscribe. */
export function onJobDue(listener: () => void): () => void {
  wakeListeners().add(listener);
  return () => wakeListeners().delete(listener);
}

function notifyJobDue(): void {
  for (const listener of wakeListeners()) listener();
}
