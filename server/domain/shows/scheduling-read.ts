import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { AppError } from '../errors';
import type { ShowStatus } from './shows';
import { utcToZonedLocal } from '../zoned-time';

export type HostInviteStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

export interface BrandShowRow {
  id: string;
  title: string;
  status: ShowStatus;
  hostInviteStatus: HostInviteStatus;
  scheduledStart: string;
  host: { name: string; handle: string | null };
}

export async function listBrandShows(db: Db, actor: Actor, slug: string): Promise<BrandShowRow[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  const rows = await db.show.findMany({
    where: { brandId: brand.brandId },
    select: {
      id: true,
      title: true,
      status: true,
      hostInviteStatus: true,
      scheduledStart: true,
      host: { select: { name: true, influencer: { select: { handle: true } } } },
    },
    orderBy: { scheduledStart: 'desc' },
    take: 200,
  });
  return rows.map((r) => ({
    ...r,
    scheduledStart: r.scheduledStart.toISOString(),
    host: { name: r.host.name, handle: r.host.influencer?.handle ?? null },
  }));
}

export interface BrandShowDetail {
  id: string;
  title: string;
  description: string;
  coverImageUrl: string | null;
  status: ShowStatus;
  hostInviteStatus: HostInviteStatus;
  scheduledStart: string;
  /** The start on the brand's clock, for the reschedule form. */
  startLocal: string;
  plannedDurationMinutes: number;
  commissionRateBps: number;
  recordingEnabled: boolean;
  assistantEnabled: boolean;
  cancelReason: string;
  lineup: string[];
  host: { name: string; handle: string | null };
  brand: { name: string; slug: string; timeZone: string };
}

export async function getBrandShow(db: Db, actor: Actor, slug: string, showId: string): Promise<BrandShowDetail> {
  const brand = await requireBrandMember(db, actor, { slug });
  const row = await db.show.findFirst({
    where: { id: showId, brandId: brand.brandId },
    select: {
      id: true,
      title: true,
      description: true,
      coverImageUrl: true,
      status: true,
      hostInviteStatus: true,
      scheduledStart: true,
      plannedDurationMinutes: true,
      commissionRateBps: true,
      recordingEnabled: true,
      assistantEnabled: true,
      cancelReason: true,
      lineup: { select: { productId: true }, orderBy: { position: 'asc' } },
      host: { select: { name: true, influencer: { select: { handle: true } } } },
    },
  });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not in brand ${slug}`);
  return {
    ...row,
    scheduledStart: row.scheduledStart.toISOString(),
    startLocal: utcToZonedLocal(row.scheduledStart, brand.timeZone),
    lineup: row.lineup.map((l) => l.productId),
    host: { name: row.host.name, handle: row.host.influencer?.handle ?? null },
    brand: { name: brand.name, slug: brand.slug, timeZone: brand.timeZone },
  };
}

export interface LineupCandidate {
  id: string;
  title: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  imageUrl: string | null;
}

/** The brand's products a lineup may use: everything not archived, plus whatever the show already has. */
export async function listLineupCandidates(db: Db, actor: Actor, slug: string, keep: readonly string[] = []): Promise<LineupCandidate[]> {
  const brand = await requireBrandMember(db, actor, { slug });
  return db.product.findMany({
    where: { brandId: brand.brandId, OR: [{ status: { not: 'ARCHIVED' } }, { id: { in: [...keep] } }] },
    select: { id: true, title: true, status: true, imageUrl: true },
    orderBy: { title: 'asc' },
  });
}

export interface HostInvitation {
  id: string;
  title: string;
  status: ShowStatus;
  hostInviteStatus: HostInviteStatus;
  scheduledStart: string;
  plannedDurationMinutes: number;
  commissionRateBps: number;
  brand: { name: string; slug: string };
}

/** The signed-in influencer's open invitations, and the accepted shows still to come (or live now). */
export async function listHostInvitations(db: Db, actor: Actor): Promise<{ pending: HostInvitation[]; accepted: HostInvitation[] }> {
  const rows = await db.show.findMany({
    where: {
      hostId: actor.userId,
      OR: [
        { status: 'SCHEDULED', hostInviteStatus: 'PENDING' },
        { status: { in: ['SCHEDULED', 'LIVE'] }, hostInviteStatus: 'ACCEPTED' },
      ],
    },
    select: {
      id: true,
      title: true,
      status: true,
      hostInviteStatus: true,
      scheduledStart: true,
      plannedDurationMinutes: true,
      commissionRateBps: true,
      brand: { select: { name: true, slug: true } },
    },
    orderBy: { scheduledStart: 'asc' },
    take: 100,
  });
  const invitations = rows.map((r) => ({ ...r, scheduledStart: r.scheduledStart.toISOString() }));
  return {
    pending: invitations.filter((i) => i.hostInviteStatus === 'PENDING'),
    accepted: invitations.filter((i) => i.hostInviteStatus === 'ACCEPTED'),
  };
}
