import { changedJob, liveJob, planRemindersJob, remindersJob } from '../domain/notifications';
import { deliverEmail } from '../mail/deliver';
import { brandInviteEmailJob, linkEmailJob } from '../mail/link-emails';
import { deliverWebhook } from '../webhooks/deliver';
import type { JobContext, JobHandler, JobOutcome } from './context';
import { jobPayloadSchemas, type JobKind, type JobPayload } from './kinds';

/** Every job kind's handler; the mapped type makes a new kind without a handler a compile error. */
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

export const jobHandlers: JobHandlers = {
  'email.send': (payload, ctx) => deliverEmail(ctx, payload),
  'show.plan-reminders': planRemindersJob,
  'show.reminders': remindersJob,
  'show.live': liveJob,
  'show.changed': changedJob,
  'auth.link-email': linkEmailJob,
  'brand.invite-email': brandInviteEmailJob,
  'webhook.deliver': deliverWebhook,
};

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
