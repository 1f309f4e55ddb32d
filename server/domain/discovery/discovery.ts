// What anyone, signed in or not, can browse: the home page's sections and the
// public host and brand profiles. Search lives in discovery-search.ts.
import type { Locale } from '@/app/_i18n/locales';
import { localizeProducts } from '../product-content';
import { z } from 'zod';
import { socialLinkSchema, type SocialLink } from '../accounts';
import { productCardSelect, type ProductCard } from '../catalog';
import type { Db } from '../context';
import { AppError } from '../errors';
import { discoverableShow, replayableShow, showCardSelect, toShowCard, type ShowCardData } from '../shows';
import { publiclyListedShow } from '../show-access';

export { searchCatalog as search, normaliseSearchQuery, escapeLikePattern, type SearchResults } from './discovery-search';
export type { ShowCardData } from '../shows';

const SECTION_SIZE = 24;
const PROFILE_SECTION_SIZE = 12;

export interface HomeSections {
  live: ShowCardData[];
  upcoming: ShowCardData[];
  replays: ShowCardData[];
}

export async function homeSections(db: Db): Promise<HomeSections> {
  const [live, upcoming, replays] = await Promise.all([
    db.show.findMany({
      where: { status: 'LIVE', ...publiclyListedShow },
      select: showCardSelect,
      orderBy: { startedAt: 'desc' },
      take: SECTION_SIZE,
    }),
    // Only shows the host has agreed to: a pending invitation is not a promise to viewers.
    db.show.findMany({
      where: { status: 'SCHEDULED', hostInviteStatus: 'ACCEPTED', ...publiclyListedShow },
      select: showCardSelect,
      orderBy: { scheduledStart: 'asc' },
      take: SECTION_SIZE,
    }),
    // Only shows a viewer can play: an ended show without a READY recording has nothing to offer.
    db.show.findMany({
      where: { ...replayableShow, ...publiclyListedShow, hostInviteStatus: 'ACCEPTED' },
      select: showCardSelect,
      orderBy: { endedAt: 'desc' },
      take: SECTION_SIZE,
    }),
  ]);
  return { live: live.map(toShowCard), upcoming: upcoming.map(toShowCard), replays: replays.map(toShowCard) };
}

/** What an ended show's page offers next: live shows first, then the soonest agreed ones, never the show itself. */
export async function otherShows(db: Db, exceptShowId: string, take = 6): Promise<ShowCardData[]> {
  const [live, upcoming] = await Promise.all([
    db.show.findMany({
      where: { status: 'LIVE', id: { not: exceptShowId }, ...publiclyListedShow },
      select: showCardSelect,
      orderBy: { startedAt: 'desc' },
      take,
    }),
    db.show.findMany({
      where: { status: 'SCHEDULED', hostInviteStatus: 'ACCEPTED', id: { not: exceptShowId }, ...publiclyListedShow },
      select: showCardSelect,
      orderBy: { scheduledStart: 'asc' },
      take,
    }),
  ]);
  return [...live, ...upcoming].slice(0, take).map(toShowCard);
}

/** Upcoming (live first, then soonest) and past (newest first) shows matching `where`. */
async function showsOf(db: Db, where: { hostId: string } | { brandId: string }) {
  const [upcoming, past] = await Promise.all([
    db.show.findMany({
      where: { ...where, ...discoverableShow, status: { in: ['LIVE', 'SCHEDULED'] } },
      select: showCardSelect,
      orderBy: { scheduledStart: 'asc' },
      take: PROFILE_SECTION_SIZE,
    }),
    db.show.findMany({
      where: { ...where, status: 'ENDED', ...publiclyListedShow },
      select: showCardSelect,
      orderBy: { endedAt: 'desc' },
      take: PROFILE_SECTION_SIZE,
    }),
  ]);
  // A live show leads even if a scheduled one was due earlier and has not started.
  const cards = upcoming.map(toShowCard);
  return {
    upcoming: [...cards.filter((s) => s.status === 'LIVE'), ...cards.filter((s) => s.status !== 'LIVE')],
    past: past.map(toShowCard),
  };
}

export interface HostProfile {
  id: string;
  name: string;
  handle: string;
  bio: string;
  avatarUrl: string | null;
  links: SocialLink[];
  followerCount: number;
  upcoming: ShowCardData[];
  past: ShowCardData[];
}

export async function hostProfile(db: Db, handle: string): Promise<HostProfile> {
  const profile = await db.influencerProfile.findUnique({
    where: { handle: handle.toLowerCase() },
    select: {
      handle: true,
      bio: true,
      avatarUrl: true,
      links: true,
      user: { select: { id: true, name: true, deletedAt: true, _count: { select: { followers: true } } } },
    },
  });
  if (!profile || profile.user.deletedAt) throw new AppError('HOST_NOT_FOUND', `no host ${handle}`);
  const shows = await showsOf(db, { hostId: profile.user.id });
  return {
    id: profile.user.id,
    name: profile.user.name,
    handle: profile.handle,
    bio: profile.bio,
    avatarUrl: profile.avatarUrl,
    // Stored JSON is re-validated on the way out: a bad link is dropped, not rendered.
    links: z
      .array(z.unknown())
      .catch([])
      .parse(profile.links)
      .flatMap((link) => {
        const parsed = socialLinkSchema.safeParse(link);
        return parsed.success ? [parsed.data] : [];
      }),
    followerCount: profile.user._count.followers,
    ...shows,
  };
}

export interface BrandProfile {
  id: string;
  name: string;
  slug: string;
  description: string;
  logoUrl: string | null;
  followerCount: number;
  upcoming: ShowCardData[];
  past: ShowCardData[];
  products: ProductCard[];
}

/** `locale`: the reader's language, for the products' words (issue 19 item 6). */
export async function brandProfile(db: Db, slug: string, locale: Locale = 'en'): Promise<BrandProfile> {
  const brand = await db.brand.findUnique({
    where: { slug: slug.toLowerCase() },
    select: { id: true, name: true, slug: true, description: true, logoUrl: true, _count: { select: { followers: true } } },
  });
  if (!brand) throw new AppError('BRAND_NOT_FOUND', `no brand ${slug}`);
  const [shows, products] = await Promise.all([
    showsOf(db, { brandId: brand.id }),
    db.product.findMany({
      where: { brandId: brand.id, status: 'ACTIVE' },
      select: productCardSelect,
      orderBy: { createdAt: 'desc' },
      take: 24,
    }),
  ]);
  const { _count, ...rest } = brand;
  return { ...rest, followerCount: _count.followers, ...shows, products: await localizeProducts(db, products, locale) };
}

export interface PreShowDetails extends ShowCardData {
  description: string;
  plannedDurationMinutes: number;
}

/** What the page of a show that has not started shows around the player. */
export async function preShowDetails(db: Db, showId: string): Promise<PreShowDetails> {
  const row = await db.show.findUnique({
    where: { id: showId },
    select: { ...showCardSelect, description: true, plannedDurationMinutes: true },
  });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  const { description, plannedDurationMinutes, ...card } = row;
  return { ...toShowCard(card), description, plannedDurationMinutes };
}
