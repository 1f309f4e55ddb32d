import { z } from 'zod';
import { IMAGE_SOURCE_MESSAGE, isAllowedImageUrl } from '../image-sources';
import { displayNameSchema } from './accounts';
import { AppError } from '../errors';
import type { Actor, Db } from '../context';

export const socialLinkSchema = z.object({
  label: z.string().trim().min(1).max(40),
  // Only web links: a javascript: URL in a profile would run in every visitor's page.
  url: z.url({ protocol: /^https?$/, error: 'HOST_LINK_URL_RULE' }).max(300),
});
export type SocialLink = z.infer<typeof socialLinkSchema>;

export const influencerProfileSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9_.]{1,28})[a-z0-9]$/, 'HOST_HANDLE_RULE'),
  bio: z.string().trim().max(500, 'TEXT_TOO_LONG').default(''),
  avatarUrl: z
    .union([
      z.literal(''),
      z
        .string()
        .max(2048)
        .refine((url) => isAllowedImageUrl(url), IMAGE_SOURCE_MESSAGE),
    ])
    .default(''),
  links: z.array(socialLinkSchema).max(6).default([]),
});

export interface AccountProfile {
  id: string;
  name: string;
  email: string;
  hasPassword: boolean;
  influencer: { handle: string; bio: string; avatarUrl: string | null; links: SocialLink[] } | null;
  brands: { slug: string; name: string; role: 'OWNER' | 'STAFF' }[];
}

export async function getAccountProfile(db: Db, actor: Actor): Promise<AccountProfile> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      deletedAt: true,
      influencer: { select: { handle: true, bio: true, avatarUrl: true, links: true } },
      memberships: { select: { role: true, brand: { select: { slug: true, name: true } } } },
    },
  });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'no such account');
  const links = z
    .array(socialLinkSchema)
    .catch([])
    .parse(user.influencer?.links ?? []);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    hasPassword: user.passwordHash !== null,
    influencer: user.influencer ? { ...user.influencer, links } : null,
    brands: user.memberships.map((m) => ({ slug: m.brand.slug, name: m.brand.name, role: m.role })),
  };
}

export async function updateDisplayName(db: Db, actor: Actor, name: string): Promise<void> {
  await db.user.update({ where: { id: actor.userId }, data: { name: displayNameSchema.parse(name) } });
}

/** Creates or edits the person's influencer profile: what makes them bookable as a host. */
export async function saveInfluencerProfile(db: Db, actor: Actor, input: z.input<typeof influencerProfileSchema>): Promise<void> {
  const profile = influencerProfileSchema.parse(input);
  const taken = await db.influencerProfile.findUnique({ where: { handle: profile.handle }, select: { userId: true } });
  if (taken && taken.userId !== actor.userId)
    throw new AppError('HANDLE_TAKEN', { handle: profile.handle }, `handle ${profile.handle} taken`);
  const data = { handle: profile.handle, bio: profile.bio, avatarUrl: profile.avatarUrl || null, links: profile.links };
  await db.influencerProfile.upsert({ where: { userId: actor.userId }, update: data, create: { userId: actor.userId, ...data } });
}

/**
 * Whether the person works on the selling side: a member of a brand or a host
 * with an influencer profile. Only they are shown "Dashboard" in the header;
 * shoppers reach it (to start a brand or a profile) from their account page.
 */
export async function worksOnShows(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { influencer: { select: { id: true } }, _count: { select: { memberships: true } } },
  });
  return user !== null && (user.influencer !== null || user._count.memberships > 0);
}
