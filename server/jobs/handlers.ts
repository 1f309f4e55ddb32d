import type { JobContext, JobHandler, JobOutcome } from './context';
import { jobPayloadSchemas, type JobKind, type JobPayload } from './kinds';

/**
 * Every job kind's handler; the mapped type makes a new kind without a handler a compile error.
 * The map itself is wired outside the queue (server/effects/job-handlers.ts): the handlers read the
 * domain, and the queue, which the domain writes to, never imports it back.
 */
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/** Parses the stored payload with its kind's schema (throws a ZodError if it does not fit) and runs the handler. */
export async function runJobHandler<K extends JobKind>(
  handlers: JobHandlers,
  kind: K,
  payload: unknown,
  ctx: JobContext,
): Promise<JobOutcome> {
  // The schema for K parses to JobPayload<K>; TypeScript cannot follow the indexed access through the union.
  const parsed = jobPayloadSchemas[kind].parse(payload) as JobPayload<K>;
  const handler: JobHandler<K> = handlers[kind];
  return handler(parsed, ctx);
}
