import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { SOLD_STATUSES } from './report';

export interface BrandShowFigures {
  showId: string;
  title: string;
  status: string;
  startedAt: string;
  gmvMinor: number;
  orders: number;
  buyers: number;
  viewers: number;
  /** Buyers over people who watched, 0 to 1; null when nobody was counted. */
  conversion: number | null;
}

const SHOWS_SHOWN = 50;

/** The brand's shows that went live, newest first, with what each sold and to how many of its viewers. */
export async function getBrandShowFigures(db: Db, actor: Actor, slug: string): Promise<{ currency: string; shows: BrandShowFigures[] }> {
  const brand = await requireBrandMember(db, actor, { slug });
  const sold = [...SOLD_STATUSES];
  const rows = await db.$queryRaw<
    { showId: string; title: string; status: string; startedAt: Date; gmvMinor: number; orders: number; buyers: number; viewers: number }[]
  >`
    SELECT s."id" AS "showId", s."title", s."status"::text AS "status", s."startedAt",
           COALESCE(o."gmv", 0)::int AS "gmvMinor", COALESCE(o."orders", 0)::int AS "orders", COALESCE(o."buyers", 0)::int AS "buyers",
           GREATEST(s."uniqueViewers", COALESCE(v."viewers", 0))::int AS "viewers"
      FROM "Show" s
      LEFT JOIN LATERAL (
        SELECT SUM(x."totalMinor") AS "gmv", COUNT(*) AS "orders", COUNT(DISTINCT x."buyerId") AS "buyers"
          FROM "Order" x WHERE x."showId" = s."id" AND x."status"::text = ANY(${sold}::text[])
      ) o ON true
      LEFT JOIN LATERAL (
        SELECT COUNT(DISTINCT e."viewer") AS "viewers" FROM "ShowAnalyticsEvent" e WHERE e."showId" = s."id" AND e."kind" = 'join'
      ) v ON true
     WHERE s."brandId" = ${brand.brandId} AND s."startedAt" IS NOT NULL
     ORDER BY s."startedAt" DESC
     LIMIT ${SHOWS_SHOWN}`;
  return {
    currency: brand.currency,
    shows: rows.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      conversion: r.viewers > 0 ? Math.min(1, r.buyers / r.viewers) : null,
    })),
  };
}
