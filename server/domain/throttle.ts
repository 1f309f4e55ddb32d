import { z } from 'zod';
import { AppError } from './errors';
import type { Db } from './context';

// Fixed-window counters in PostgreSQL, so every app node shares them and a
// restart does not reset them. One statement per hit.

export interface ThrottlePolicy {
  /** Prefix of the counter's key; the subject (an IP, an account, a brand) follows. */
  name: string;
  limit: number;
  windowSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every limit, overridable through THROTTLE_LIMITS (tests lower them instead of waiting). */
export const throttleLimitsSchema = z
  .object({
    signInFailuresPerIp: z.number().int().positive().default(30),
    signInFailuresPerAccount: z.number().int().positive().default(10),
    signUpsPerIp: z.number().int().positive().default(10),
    brandsPerAccount: z.number().int().positive().default(5),
    brandsPerIp: z.number().int().positive().default(20),
    invitesPerAccount: z.number().int().positive().default(30),
    invitesPerIp: z.number().int().positive().default(60),
    invitesPerBrandPerDay: z.number().int().positive().default(50),
  })
  .strict();
export type ThrottleLimits = z.infer<typeof throttleLimitsSchema>;

export function throttleLimits(json?: string): ThrottleLimits {
  return throttleLimitsSchema.parse(json ? JSON.parse(json) : {});
}

export const policies = (l: ThrottleLimits) =>
  ({
    signInFailuresPerIp: { name: 'signin-ip', limit: l.signInFailuresPerIp, windowSeconds: 15 * MINUTE },
    signInFailuresPerAccount: { name: 'signin-account', limit: l.signInFailuresPerAccount, windowSeconds: 15 * MINUTE },
    signUpsPerIp: { name: 'signup-ip', limit: l.signUpsPerIp, windowSeconds: HOUR },
    brandsPerAccount: { name: 'brand-account', limit: l.brandsPerAccount, windowSeconds: DAY },
    brandsPerIp: { name: 'brand-ip', limit: l.brandsPerIp, windowSeconds: DAY },
    invitesPerAccount: { name: 'invite-account', limit: l.invitesPerAccount, windowSeconds: HOUR },
    invitesPerIp: { name: 'invite-ip', limit: l.invitesPerIp, windowSeconds: HOUR },
    invitesPerBrandPerDay: { name: 'invite-brand', limit: l.invitesPerBrandPerDay, windowSeconds: DAY },
  }) satisfies Record<keyof ThrottleLimits, ThrottlePolicy>;

/** Who is asking: the client's address (null when unknown) and, once known, the account. */
export interface RequestOrigin {
  ip: string | null;
}

/** TOO_MANY_ATTEMPTS, with the seconds until the window ends (Retry-After). */
export class RateLimitedError extends AppError<'TOO_MANY_ATTEMPTS'> {
  constructor(
    readonly policy: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_ATTEMPTS', `throttled by ${policy} for ${retryAfterSeconds} s`);
  }
}

function windowOf(policy: ThrottlePolicy, now: number): { start: Date; retryAfterSeconds: number } {
  const ms = policy.windowSeconds * 1000;
  const start = Math.floor(now / ms) * ms;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now) / 1000)) };
}

/** Counts one attempt; refuses with RATE_LIMITED once the window holds more than the limit. */
export async function takeThrottle(db: Db, policy: ThrottlePolicy, subject: string | null): Promise<void> {
  if (subject === null) return;
  const { start, retryAfterSeconds } = windowOf(policy, Date.now());
  const key = `${policy.name}:${subject}`;
  // A new window resets the count in the same statement: no read-then-write race.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitCounter"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  if ((rows[0]?.count ?? 0) > policy.limit) throw new RateLimitedError(policy.name, retryAfterSeconds);
}

/** Refuses when the window is already full, without counting (for limits on failures only). */
export async function checkThrottle(db: Db, policy: ThrottlePolicy, subject: string | null): Promise<void> {
  if (subject === null) return;
  const { start, retryAfterSeconds } = windowOf(policy, Date.now());
  const row = await db.rateLimitCounter.findUnique({
    where: { key: `${policy.name}:${subject}` },
    select: { windowStart: true, count: true },
  });
  if (row && row.windowStart.getTime() === start.getTime() && row.count >= policy.limit)
    throw new RateLimitedError(policy.name, retryAfterSeconds);
}

/** Counts one failure without refusing; the next checkThrottle refuses once the limit is reached. */
export async function countThrottle(db: Db, policy: ThrottlePolicy, subject: string | null): Promise<void> {
  await takeThrottle(db, { ...policy, limit: Number.MAX_SAFE_INTEGER }, subject);
}

/** Forgets windows that ended long ago; called now and then by the job runner or on writes. */
export async function pruneThrottles(db: Db): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 2 * DAY * 1000) } } });
  return count;
}

/** An invitation (team or host): per sender, per address, and the brand's daily quota. */
export async function takeInviteThrottles(
  db: Db,
  limits: ThrottleLimits,
  who: { ip: string | null; userId: string; brandId: string },
): Promise<void> {
  const p = policies(limits);
  await takeThrottle(db, p.invitesPerIp, who.ip);
  await takeThrottle(db, p.invitesPerAccount, who.userId);
  await takeThrottle(db, p.invitesPerBrandPerDay, who.brandId);
}
