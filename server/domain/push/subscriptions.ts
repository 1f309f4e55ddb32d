import { z } from 'zod';
import type { Db } from '../context';
import { AppError } from '../errors';

// The browsers a person turned web push on in, and which kinds of push they want. A person may have several
// devices; each subscription belongs to whoever signed in on that browser last (a shared browser moves with it).

/** The kinds of web push, each switchable on its own in the account's notification settings. */
export const PUSH_KINDS = ['live', 'reminders', 'outbid', 'orders'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];
export type PushPreferences = Record<PushKind, boolean>;

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url');

/** A browser's PushSubscription as its toJSON() gives it: the push service's URL and the keys to encrypt for (RFC 8291). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  // An uncompressed P-256 point (65 bytes) and a 16-byte authentication secret.
  keys: z.object({ p256dh: base64url(86, 90), auth: base64url(22, 24) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.object({ endpoint: z.url().max(2000) });

export const pushPreferencesSchema = z.object(
  Object.fromEntries(PUSH_KINDS.map((kind) => [kind, z.boolean().optional()])) as Record<PushKind, z.ZodOptional<z.ZodBoolean>>,
);

/**
 * Saves (or takes over) the browser's subscription for this person. In a deployment only https push services are
 * accepted: a browser's push service always is, and the server must not be made to post to addresses of its own choosing.
 */
export async function subscribePush(
  db: Db,
  userId: string,
  input: PushSubscriptionInput,
  { userAgent, allowHttp }: { userAgent?: string | null; allowHttp: boolean },
): Promise<{ id: string }> {
  const subscription = pushSubscriptionSchema.parse(input);
  if (!allowHttp && !subscription.endpoint.startsWith('https://'))
    throw new AppError('INVALID_FIELD', { field: 'endpoint' }, `push endpoint ${subscription.endpoint} is not https`);
  const data = { userId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null };
  return db.pushSubscription.upsert({
    where: { endpoint: subscription.endpoint },
    create: { endpoint: subscription.endpoint, ...data },
    update: data,
    select: { id: true },
  });
}

/** Forgets this person's subscription for one browser; someone else's is left alone. */
export async function unsubscribePush(db: Db, userId: string, endpoint: string): Promise<{ removed: boolean }> {
  const { count } = await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
  return { removed: count > 0 };
}

export async function countPushDevices(db: Db, userId: string): Promise<number> {
  return db.pushSubscription.count({ where: { userId } });
}

export async function getPushPreferences(db: Db, userId: string): Promise<PushPreferences> {
  const row = await db.pushPreference.findUnique({ where: { userId } });
  return { live: row?.live ?? true, reminders: row?.reminders ?? true, outbid: row?.outbid ?? true, orders: row?.orders ?? true };
}

export async function setPushPreferences(db: Db, userId: string, changes: Partial<PushPreferences>): Promise<PushPreferences> {
  const given = pushPreferencesSchema.parse(changes);
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  await db.pushPreference.upsert({ where: { userId }, create: { userId, ...defined }, update: defined });
  return getPushPreferences(db, userId);
}
