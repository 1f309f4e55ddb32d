import { z } from 'zod';
import type { Prisma } from '../db/client';
import type { Db } from '../domain/context';
import { AppError } from '../domain/errors';
import { pageArgs, pageSchema, paginationQueryShape, toPage } from './common';

// The brand's shows as the public API shows them, filtered by the key's brand.

const isoDateTime = z.iso.datetime();
const SHOW_STATUSES = ['SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'] as const;

export const apiShowSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(SHOW_STATUSES),
  coverImageUrl: z.string().nullable(),
  scheduledStart: isoDateTime,
  plannedDurationMinutes: z.number().int(),
  startedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  recordingEnabled: z
    .boolean()
    .describe('Whether the show is recorded: its replay, and the HLS backup stream while live (set in the scheduling form).'),
  host: z.object({
    name: z.string(),
    handle: z.string().nullable(),
    accepted: z.boolean().describe('Whether the host accepted the invitation.'),
  }),
  lineup: z.array(z.object({ productId: z.string(), position: z.number().int() })).describe('Products in the show, in running order.'),
  url: z.url().describe('Where viewers watch the show.'),
});
export type ApiShow = z.infer<typeof apiShowSchema>;

export const showListQuerySchema = z.object({
  status: z.enum(SHOW_STATUSES).optional().describe('Only shows with this status.'),
  ...paginationQueryShape,
});
export const showPageSchema = pageSchema(apiShowSchema);

const showSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  coverImageUrl: true,
  scheduledStart: true,
  plannedDurationMinutes: true,
  startedAt: true,
  endedAt: true,
  cancelledAt: true,
  recordingEnabled: true,
  hostInviteStatus: true,
  host: { select: { name: true, influencer: { select: { handle: true } } } },
  lineup: { select: { productId: true, position: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ShowSelect;

type ShowRow = Prisma.ShowGetPayload<{ select: typeof showSelect }>;

function toApiShow(row: ShowRow, publicUrl: string): ApiShow {
  const { hostInviteStatus, host, ...show } = row;
  return {
    ...show,
    scheduledStart: row.scheduledStart.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    host: { name: host.name, handle: host.influencer?.handle ?? null, accepted: hostInviteStatus === 'ACCEPTED' },
    url: new URL(`/shows/${encodeURIComponent(row.id)}`, publicUrl).toString(),
  };
}

export async function listApiShows(db: Db, brandId: string, publicUrl: string, query: z.infer<typeof showListQuerySchema>) {
  const rows = await db.show.findMany({
    where: { brandId, ...(query.status && { status: query.status }) },
    orderBy: [{ scheduledStart: 'desc' }, { id: 'desc' }],
    select: showSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query.limit, (row) => toApiShow(row, publicUrl));
}

export async function getApiShow(db: Db, brandId: string, publicUrl: string, showId: string): Promise<ApiShow> {
  const row = await db.show.findFirst({ where: { id: showId, brandId }, select: showSelect });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not in this brand`);
  return toApiShow(row, publicUrl);
}
