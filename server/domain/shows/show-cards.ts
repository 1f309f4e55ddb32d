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
  /** An ended show with a READY recording: its card says "Replay" and its page plays it (server/domain/replays). */
  hasReplay: boolean;
}

/** A recording a replay can play: finished and whole (issue 16; the recorder marks it READY). */
export const readyRecording = { status: 'READY' } as const satisfies Prisma.ShowRecordingWhereInput;

/** The shows that open as a replay: ended, with a READY recording. */
export const replayableShow = { status: 'ENDED', recordings: { some: readyRecording } } as const satisfies Prisma.ShowWhereInput;

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
  recordings: { where: readyRecording, select: { id: true }, take: 1 },
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
    hasReplay: row.status === 'ENDED' && row.recordings.length > 0,
  };
}

/** Shows the public may discover: the host said yes, the brand has not cancelled, and the show is public (show-access's isPubliclyListed). */
export const discoverableShow = {
  hostInviteStatus: 'ACCEPTED',
  status: { not: 'CANCELLED' },
  visibility: 'PUBLIC',
} as const satisfies Prisma.ShowWhereInput;
