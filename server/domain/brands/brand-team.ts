import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { emailSchema, type AttemptContext } from '../accounts';
import { requireBrandMember, type BrandRole } from './brand-access';
import { brandAddressSchema, checkBrandAddress } from './brand-address';
import { isTimeZone } from './brand-time-zone';
import { AppError } from '../errors';
import type { Actor, Db } from '../context';
import { hashToken, linkToken } from '../accounts';
import { announceAccountEvent, bumpSessionVersion } from '../accounts';
import { policies, takeInviteThrottles, takeThrottle } from '../throttle';
import { enqueueJobs } from '../../jobs/queue';

const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The currencies a brand can sell in: the region's own and the ones their buyers pay in. */
export const BRAND_CURRENCIES = ['USD', 'KHR', 'LAK', 'MNT', 'THB', 'VND', 'EUR'] as const;

export const brandCreationSchema = z.object({
  name: z.string().trim().min(2, 'TEXT_TOO_SHORT').max(80),
  slug: brandAddressSchema,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'NEW_BRAND_CURRENCY_RULE'),
  timeZone: z.string().refine(isTimeZone, 'NEW_BRAND_TIME_ZONE_RULE'),
});

/** Any account may start a brand; its creator is the first owner. */
export async function createBrand(
  db: Db,
  actor: Actor,
  input: z.infer<typeof brandCreationSchema>,
  ctx?: AttemptContext,
): Promise<{ slug: string }> {
  // Checked before the throttles: a refused address changes nothing, not even the person's allowance.
  if ((await checkBrandAddress(db, input.slug)).status === 'TAKEN') throw addressTaken(input.slug);
  if (ctx) {
    const p = policies(ctx.limits);
    await takeThrottle(db, p.brandsPerIp, ctx.ip);
    await takeThrottle(db, p.brandsPerAccount, actor.userId);
  }
  try {
    await db.brand.create({ data: { ...input, members: { create: { userId: actor.userId, role: 'OWNER' } } } });
  } catch (error) {
    // Someone took it between the check and the insert: the unique index decides.
    if ((error as { code?: unknown }).code === 'P2002') throw addressTaken(input.slug);
    throw error;
  }
  return { slug: input.slug };
}

const addressTaken = (slug: string) => new AppError('BRAND_ADDRESS_IN_USE', { slug }, `slug ${slug} taken`);

export interface BrandTeam {
  members: { userId: string; name: string; email: string; role: BrandRole; isYou: boolean }[];
  invites: { id: string; email: string; role: BrandRole; expiresAt: string }[];
  yourRole: BrandRole;
}

export async function getBrandTeam(db: Db, actor: Actor, slug: string): Promise<BrandTeam> {
  const access = await requireBrandMember(db, actor, { slug });
  const [members, invites] = await Promise.all([
    db.brandMember.findMany({
      where: { brandId: access.brandId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.brandInvite.findMany({
      where: { brandId: access.brandId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, expiresAt: true },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  return {
    yourRole: access.role,
    members: members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      isYou: m.user.id === actor.userId,
    })),
    invites: invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

export const memberInviteSchema = z.object({ email: emailSchema, role: z.enum(['OWNER', 'STAFF']) });

/**
 * Owners invite by email; the link works for the account with that email only.
 * Throttled per sender and per address, with a daily quota per brand: each
 * invitation is an email with text partly chosen by the sender.
 */
export async function inviteBrandMember(
  db: Db,
  actor: Actor,
  slug: string,
  input: z.infer<typeof memberInviteSchema>,
  ctx: AttemptContext & { secret: string },
): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  const already = await db.brandMember.findFirst({
    where: { brandId: access.brandId, user: { email: input.email } },
    select: { userId: true },
  });
  if (already) throw new AppError('ALREADY_MEMBER', { email: input.email }, 'already a member');
  await takeInviteThrottles(db, ctx.limits, { ip: ctx.ip, userId: actor.userId, brandId: access.brandId });
  // The token is derived from the id when the email is sent; only its hash is stored.
  const id = randomUUID();
  await db.brandInvite.create({
    data: {
      id,
      brandId: access.brandId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(linkToken(ctx.secret, 'brand-invite', id)),
      invitedById: actor.userId,
      expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    },
  });
  await enqueueJobs(db, [{ kind: 'brand.invite-email', payload: { inviteId: id }, dedupeKey: `brand-invite:${id}`, maxAttempts: 8 }]);
}

export async function revokeBrandInvite(db: Db, actor: Actor, slug: string, inviteId: string): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: true });
  await db.brandInvite.updateMany({ where: { id: inviteId, brandId: access.brandId, acceptedAt: null }, data: { revokedAt: new Date() } });
}

export async function removeBrandMember(db: Db, actor: Actor, slug: string, userId: string): Promise<void> {
  const access = await requireBrandMember(db, actor, { slug }, { owner: userId !== actor.userId });
  await db.$transaction(
    async (tx) => {
      const removed = await tx.brandMember.deleteMany({ where: { brandId: access.brandId, userId } });
      // Checked after the delete, inside the transaction, so two owners leaving at once cannot both succeed.
      const owners = await tx.brandMember.count({ where: { brandId: access.brandId, role: 'OWNER' } });
      if (owners === 0) throw new AppError('LAST_OWNER', 'last owner');
      // The removed person's sessions end with the membership: pages and sockets
      // opened as a team member must not keep the access.
      if (removed.count > 0) await bumpSessionVersion(tx, userId);
    },
    { isolationLevel: 'Serializable' },
  );
  announceAccountEvent({ kind: 'sessions-revoked', userId });
}

export interface InvitePreview {
  brandName: string;
  email: string;
  role: BrandRole;
  status: 'open' | 'expired' | 'used';
}

export async function previewBrandInvite(db: Db, token: string): Promise<InvitePreview> {
  const invite = await db.brandInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, brand: { select: { name: true } } },
  });
  if (!invite) throw new AppError('INVITE_NOT_FOUND', 'unknown invite');
  const status = invite.acceptedAt || invite.revokedAt ? 'used' : invite.expiresAt < new Date() ? 'expired' : 'open';
  return { brandName: invite.brand.name, email: invite.email, role: invite.role, status };
}

export async function acceptBrandInvite(db: Db, actor: Actor, token: string): Promise<{ slug: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  const accepted = await db.brandInvite.updateManyAndReturn({
    where: { tokenHash: hashToken(token), email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
    select: { brandId: true, role: true, brand: { select: { slug: true } } },
  });
  const invite = accepted[0];
  if (!invite) throw new AppError('INVITE_NOT_USABLE', 'invite not usable by this account');
  await db.brandMember.upsert({
    where: { brandId_userId: { brandId: invite.brandId, userId: actor.userId } },
    update: {},
    create: { brandId: invite.brandId, userId: actor.userId, role: invite.role },
  });
  return { slug: invite.brand.slug };
}
