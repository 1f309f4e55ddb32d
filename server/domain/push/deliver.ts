// One 'push.send' job: one notification to one browser. A subscription the push service no longer knows
// (404 or 410) is forgotten at once; any other failure throws, so the job queue retries with its backoff.
import type { JobContext, JobOutcome } from '../../jobs/context';
import type { JobPayload } from '../../jobs/kinds';
import { sendPush } from '../../push/send';
import { pushTopic } from './fan-out';
import { vapidOf } from './vapid';

export async function deliverPush(payload: JobPayload<'push.send'>, { db, env, log }: JobContext): Promise<JobOutcome> {
  const vapid = vapidOf(env);
  if (!vapid) {
    log.warn({ subscriptionId: payload.subscriptionId }, 'web push is off (no VAPID keys); notification dropped');
    return 'discard';
  }
  const subscription = await db.pushSubscription.findUnique({ where: { id: payload.subscriptionId } });
  if (!subscription) return 'discard';
  const { title, body, url, tag } = payload;
  const delivery = await sendPush(vapid, subscription, JSON.stringify({ title, body, url, tag }), {
    ttlSeconds: payload.ttlSeconds,
    urgency: payload.urgency,
    topic: pushTopic(tag),
  });
  if (delivery.kind === 'gone') {
    await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
    log.info({ subscriptionId: subscription.id, status: delivery.status }, 'push subscription expired; forgotten');
    return 'done';
  }
  await db.pushSubscription.update({ where: { id: subscription.id }, data: { lastUsedAt: new Date() } });
  return 'done';
}
