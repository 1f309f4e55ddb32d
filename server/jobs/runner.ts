// CONTRACT (implemented by the notifications work): runs due jobs from the
// durable queue until stopped.
import type { Db } from '../domain/context';
import type { Env } from '../env';
import type { Logger } from '../log';

export interface JobRunner {
  stop(): Promise<void>;
}

export function startJobRunner(_opts: { db: Db; env: Env; log: Logger }): JobRunner {
  return { async stop() {} };
}
