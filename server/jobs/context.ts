import type { PrismaClient as Db } from '../db/client';
import type { Env } from '../env';
import type { Logger } from '../log';
import type { MailTransport } from '../mail/transport';
import type { JobKind, JobPayload } from './kinds';

/** What every job handler is given: the database, configuration, a logger about this job, the mail transport. */
export interface JobContext {
  db: Db;
  env: Env;
  log: Logger;
  mail: MailTransport;
}

/**
 * 'done' keeps the row as a record (and its dedupeKey blocks a repeat);
 * 'discard' deletes it because it turned out moot, freeing its dedupeKey.
 * A handler that throws is retried with backoff.
 */
export type JobOutcome = 'done' | 'discard';

export type JobHandler<K extends JobKind> = (payload: JobPayload<K>, ctx: JobContext) => Promise<JobOutcome>;
