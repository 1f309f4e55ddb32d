import { AppError } from '../domain/errors';
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
      data: { status: 'FAILED', lastError: storedError(new AppError('WEBHOOK_PAUSED_BEFORE_SEND')) },
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
  let error: AppError | null = null;
  let permanent = false;
  try {
    const result = await postJson(new URL(endpoint.url), { ...signedWebhookHeaders(endpoint.secret, event.id, body) }, body, {
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      blockPrivate: blocksPrivateTargets(env),
    });
    statusCode = result.statusCode;
    // The status only, never the receiver's reason phrase or body (see postJson).
    if (statusCode < 200 || statusCode >= 300) error = new AppError('WEBHOOK_HTTP_STATUS', { status: statusCode });
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
    data: { lastStatusCode: statusCode, lastError: storedError(error), ...(exhausted && { status: 'FAILED' }) },
  });
  if (exhausted) {
    log.warn({ statusCode, error: error.message }, 'webhook delivery failed for good');
    return 'done';
  }
  log.warn({ statusCode, error: error.message }, 'webhook attempt failed; will retry');
  throw new WebhookAttemptFailed(error.message);
}

function describeNetworkError(cause: unknown): AppError {
  if (cause instanceof BlockedTargetError) return new AppError('WEBHOOK_PRIVATE_ADDRESS');
  if (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError'))
    return new AppError('WEBHOOK_TIMEOUT', { seconds: WEBHOOK_TIMEOUT_MS / 1000 });
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  // Only a code, never a library's message: those can quote what the other side said.
  if (code && /^[A-Z0-9_]{1,60}$/.test(code)) return new AppError('WEBHOOK_CONNECTION_FAILED', { error: code });
  return new AppError('WEBHOOK_NO_CONNECTION');
}

/**
 * A delivery's last error as the row keeps it: the refusal's code, reason and
 * params as JSON (the column is text), so the developers page says it in the
 * reader's language with errorText. See deliveryErrorText.
 */
export function storedError(error: AppError): string {
  return JSON.stringify({ code: error.code, reason: error.reason, ...(error.params ? { params: error.params } : {}) });
}
