// Who gets which web push. Each event (a show live, a reminder due, an outbid, an order moved) becomes one
// 'push.send' job per browser of each person who wants that kind, worded in the person's language; the
// per-browser dedupeKey makes a fan-out that runs twice send nothing twice.
import { createHash } from 'node:crypto';
import type { JobPayload } from '../../jobs/kinds';
import { enqueueJob, enqueueJobs, type AnyNewJob } from '../../jobs/queue';
import { emailLocale, emailTranslator } from '../../mail/i18n';
import type { Db } from '../context';
import type { PushKind } from './subscriptions';

type FanOut = JobPayload<'push.fanout'>;
type Message = Omit<JobPayload<'push.send'>, 'subscriptionId'>;
type Person = { id: string; locale: string | null; pushSubscriptions: { id: string }[] };

const PUSH_SUBSCRIBER = { id: true, locale: true, pushSubscriptions: { select: { id: true } } } as const;

/** Queues the fan-out of one event; cheap enough for the bid path (one insert, deduplicated). */
export async function queuePush(db: Db, event: FanOut): Promise<void> {
  await enqueueJob(db, { kind: 'push.fanout', payload: event, dedupeKey: `push-fanout:${eventKey(event)}` });
}

/** Runs one fan-out; returns how many browsers were queued a notification. */
export async function fanOutPush(db: Db, event: FanOut, defaultLeadMinutes: number): Promise<number> {
  switch (event.event) {
    case 'show.live':
      return fanOutShowLive(db, event);
    case 'show.reminder':
      return fanOutShowReminder(db, event, defaultLeadMinutes);
    case 'auction.outbid':
      return fanOutOutbid(db, event);
    case 'order.status':
      return fanOutOrderStatus(db, event);
    default:
      return assertNever(event);
  }
}

async function fanOutShowLive(db: Db, event: Extract<FanOut, { event: 'show.live' }>): Promise<number> {
  const show = await loadShow(db, event.showId);
  if (!show || show.status !== 'LIVE' || show.startedAt?.toISOString() !== event.startedAt) return 0;
  const people = await showAudience(db, show, 'live');
  return queueSends(db, people, eventKey(event), (t) => ({
    title: t('push.live.title', { host: show.host.name }),
    body: t('push.live.body', { title: show.title }),
    url: `/shows/${encodeURIComponent(show.id)}`,
    tag: `show-${show.id}`,
    // A live alert is worth something only while the show may still be on.
    ttlSeconds: 2 * 3600,
    urgency: 'high',
  }));
}

async function fanOutShowReminder(db: Db, event: Extract<FanOut, { event: 'show.reminder' }>, defaultLeadMinutes: number): Promise<number> {
  const show = await loadShow(db, event.showId);
  const now = Date.now();
  if (!show || show.status !== 'SCHEDULED' || show.scheduledStart.toISOString() !== event.start || show.scheduledStart.getTime() <= now)
    return 0;
  // The lead each person chose for reminders (their email settings) is the one their push follows too.
  const people = (await showAudience(db, show, 'reminders')).filter(
    (person) => (person.notificationPreference?.reminderLeadMinutes ?? defaultLeadMinutes) === event.leadMinutes,
  );
  const secondsUntilStart = Math.max(60, Math.round((show.scheduledStart.getTime() - now) / 1000));
  return queueSends(db, people, eventKey(event), (t) => ({
    title: t('push.reminder.title', { host: show.host.name, count: Math.max(1, Math.round(secondsUntilStart / 60)) }),
    body: t('push.reminder.body', { title: show.title }),
    url: `/shows/${encodeURIComponent(show.id)}`,
    tag: `show-${show.id}`,
    ttlSeconds: secondsUntilStart,
    urgency: 'normal',
  }));
}

async function fanOutOutbid(db: Db, event: Extract<FanOut, { event: 'auction.outbid' }>): Promise<number> {
  const auction = await db.auction.findUnique({
    where: { id: event.auctionId },
    select: { status: true, showId: true, leaderId: true, endsAt: true, product: { select: { title: true } } },
  });
  // Leading again by the time this runs (a proxy bid answered), or the auction is over: nothing to tell.
  if (!auction || auction.status !== 'RUNNING' || auction.leaderId === event.userId) return 0;
  const people = await subscribers(db, [event.userId], 'outbid');
  const secondsLeft = Math.max(0, Math.round((auction.endsAt.getTime() - Date.now()) / 1000));
  return queueSends(db, people, eventKey(event), (t) => ({
    title: t('push.outbid.title'),
    body: t('push.outbid.body', { product: auction.product.title }),
    url: `/shows/${encodeURIComponent(auction.showId)}`,
    tag: `auction-${event.auctionId}`,
    // After the auction ends the alert is moot: the push service may drop it then.
    ttlSeconds: secondsLeft,
    urgency: 'high',
  }));
}

async function fanOutOrderStatus(db: Db, event: Extract<FanOut, { event: 'order.status' }>): Promise<number> {
  const order = await db.order.findUnique({
    where: { id: event.orderId },
    select: { number: true, buyerId: true, brand: { select: { name: true } } },
  });
  if (!order) return 0;
  const people = await subscribers(db, [order.buyerId], 'orders');
  return queueSends(db, people, eventKey(event), (t) => ({
    title: t(`push.order.${event.status}.title`, { number: order.number }),
    body: t(`push.order.${event.status}.body`, { brand: order.brand.name }),
    url: `/account/orders/${encodeURIComponent(event.orderId)}`,
    tag: `order-${event.orderId}`,
    ttlSeconds: 24 * 3600,
    urgency: 'normal',
  }));
}

function loadShow(db: Db, showId: string) {
  return db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      title: true,
      status: true,
      scheduledStart: true,
      startedAt: true,
      hostId: true,
      brandId: true,
      host: { select: { name: true } },
    },
  });
}

/** Followers of the show's host or brand and people who asked to be reminded, with a browser subscribed and `kind` on. */
function showAudience(db: Db, show: { id: string; hostId: string; brandId: string }, kind: PushKind) {
  return db.user.findMany({
    where: {
      deletedAt: null,
      pushSubscriptions: { some: {} },
      OR: [
        { hostFollows: { some: { hostId: show.hostId } } },
        { brandFollows: { some: { brandId: show.brandId } } },
        { reminders: { some: { showId: show.id } } },
      ],
      AND: [wantsKind(kind)],
    },
    select: { ...PUSH_SUBSCRIBER, notificationPreference: { select: { reminderLeadMinutes: true } } },
    orderBy: { id: 'asc' },
  });
}

function subscribers(db: Db, userIds: string[], kind: PushKind): Promise<Person[]> {
  return db.user.findMany({ where: { id: { in: userIds }, deletedAt: null, AND: [wantsKind(kind)] }, select: PUSH_SUBSCRIBER });
}

// No preference row means every kind is on.
const wantsKind = (kind: PushKind) => ({ OR: [{ pushPreference: null }, { pushPreference: { [kind]: true } }] });

async function queueSends(
  db: Db,
  people: Person[],
  key: string,
  word: (t: ReturnType<typeof emailTranslator>) => Message,
): Promise<number> {
  const jobs: AnyNewJob[] = [];
  for (const person of people) {
    const message = word(emailTranslator(emailLocale(person.locale)));
    for (const subscription of person.pushSubscriptions) {
      jobs.push({
        kind: 'push.send',
        payload: { subscriptionId: subscription.id, ...message },
        dedupeKey: `push:${key}:${subscription.id}`,
        // A push service that keeps failing is not worth a day of retries: the alert is stale by then.
        maxAttempts: 4,
      });
    }
  }
  return jobs.length === 0 ? 0 : enqueueJobs(db, jobs);
}

function eventKey(event: FanOut): string {
  switch (event.event) {
    case 'show.live':
      return `live:${event.showId}:${event.startedAt}`;
    case 'show.reminder':
      return `reminder:${event.showId}:${event.start}:${event.leadMinutes}`;
    case 'auction.outbid':
      return `outbid:${event.auctionId}:${event.userId}:${event.priceMinor}`;
    case 'order.status':
      return `order:${event.orderId}:${event.status}`;
    default:
      return assertNever(event);
  }
}

/** The Topic header (RFC 8030): a newer message with the same tag replaces an undelivered older one. */
export function pushTopic(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

function assertNever(value: never): never {
  throw new Error(`unhandled push event ${JSON.stringify(value)}`);
}
