import { STATUS_CODES } from 'node:http';
import type { JobContext } from '../jobs/context';
import { WEBHOOK_MAX_ATTEMPTS } from './attempts';
import { signedWebhookHeaders } from './signing';
import { BlockedTargetError, blocksPrivateTargets, postJson } from './target';

// The 'webhook.deliver' job: one attempt at sending one event to one endpoint.
// A failed attempt is recorded on the delivery row and thrown, so the job queue
// retries it with its own backoff; the attempt that reaches WEBHOOK_MAX_ATTEMPTS
// marks the delivery FAILED instead. Replays make a new delivery, never reuse one.

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What the receiver gets as the request body. */
export interface WebhookBody {
  id: string;
  type: string;
  createdAt: string;
  data: unknown;
}

export class WebhookAttemptFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAttemptFailed';
  }
}

export async function deliverWebhook({ deliveryId }: { deliveryId: string }, { db, env, log: jobLog }: JobContext): Promise<'done'> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      status: true,
      endpoint: { select: { id: true, url: true, secret: true, active: true } },
      event: { select: { id: true, type: true, createdAt: true, data: true } },
    },
  });
  // Gone (its endpoint was deleted) or settled by an earlier run of this job: nothing to do.
  if (!delivery || delivery.status !== 'PENDING') return 'done';
  const { endpoint, event } = delivery;

  // Counted before sending, so an attempt whose worker dies mid-request still counts.
  const { attempts } = await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 }, lastAttemptAt: new Date() },
    select: { attempts: true },
  });
  const log = jobLog.child({ deliveryId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, attempt: attempts });

  if (!endpoint.active) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'FAILED', lastError: 'The endpoint was paused before this delivery was sent.' },
    });
    log.info('webhook endpoint paused; delivery not sent');
    return 'done';
  }

  const body = JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data: event.data,
  } satisfies WebhookBody);
  let statusCode: number | null = null;
  let error: string | null = null;
  let permanent = false;
  try {
    const result = await postJson(new URL(endpoint.url), { ...signedWebhookHeaders(endpoint.secret, event.id, body) }, body, {
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      blockPrivate: blocksPrivateTargets(env),
    });
    statusCode = result.statusCode;
    // Our own wording of the status, not the receiver's reason phrase or body (see postJson).
    if (statusCode < 200 || statusCode >= 300)
      error = `HTTP ${statusCode}${STATUS_CODES[statusCode] ? ` ${STATUS_CODES[statusCode]}` : ''}`;
  } catch (cause) {
    // A refused address will be refused again: no point retrying.
    permanent = cause instanceof BlockedTargetError;
    error = describeNetworkError(cause);
  }

  if (error === null) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'SUCCEEDED', lastStatusCode: statusCode, lastError: null, deliveredAt: new Date() },
    });
    log.info({ statusCode }, 'webhook delivered');
    return 'done';
  }
  const exhausted = permanent || attempts >= WEBHOOK_MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { lastStatusCode: statusCode, lastError: error.slice(0, 500), ...(exhausted && { status: 'FAILED' }) },
  });
  if (exhausted) {
    log.warn({ statusCode, error }, 'webhook delivery failed for good');
    return 'done';
  }
  log.warn({ statusCode, error }, 'webhook attempt failed; will retry');
  throw new WebhookAttemptFailed(error);
}

function describeNetworkError(cause: unknown): string {
  if (cause instanceof BlockedTargetError) return 'The endpoint resolves to a private address, which webhooks may not be sent to.';
  if (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError'))
    return `No response within ${WEBHOOK_TIMEOUT_MS / 1000} s.`;
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  // Only a code, never a library's message: those can quote what the other side said.
  if (code && /^[A-Z0-9_]{1,60}$/.test(code)) return `Connection failed (${code}).`;
  return 'Connection failed.';
}
