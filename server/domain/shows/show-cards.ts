// The public card of a show, as the home page, search and profiles list it.
import type { Prisma } from '../../db/client';
import type { ShowStatus } from './shows';

export interface ShowCardData {
  id: string;
  title: string;
  status: ShowStatus;
  coverImageUrl: string | null;
  scheduledStart: string;
  startedAt: string | null;
  endedAt: string | null;
  host: { id: string; name: string; handle: string | null };
  brand: { id: string; name: string; slug: string };
}

export const showCardSelect = {
  id: true,
  title: true,
  status: true,
  coverImageUrl: true,
  scheduledStart: true,
  startedAt: true,
  endedAt: true,
  host: { select: { id: true, name: true, influencer: { select: { handle: true } } } },
  brand: { select: { id: true, name: true, slug: true } },
} as const satisfies Prisma.ShowSelect;

type ShowCardRow = Prisma.ShowGetPayload<{ select: typeof showCardSelect }>;

export function toShowCard(row: ShowCardRow): ShowCardData {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    coverImageUrl: row.coverImageUrl,
    scheduledStart: row.scheduledStart.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    host: { id: row.host.id, name: row.host.name, handle: row.host.influencer?.handle ?? null },
    brand: row.brand,
  };
}

/** Shows the public may discover: the host said yes, the brand has not cancelled, and the show is public (show-access's isPubliclyListed). */
export const discoverableShow = {
  hostInviteStatus: 'ACCEPTED',
  status: { not: 'CANCELLED' },
  visibility: 'PUBLIC',
} as const satisfies Prisma.ShowWhereInput;
