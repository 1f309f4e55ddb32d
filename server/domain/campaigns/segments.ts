import { z } from 'zod';
import { Prisma } from '../../db/client';
import type { Db } from '../context';
import { attendeesSql } from './attendance';
import { hasMarketingConsentSql } from './consent';

export const CAMPAIGN_LOCALES = ['en', 'km', 'lo', 'mn'] as const;
export type CampaignLocale = (typeof CAMPAIGN_LOCALES)[number];

/**
 * Who a campaign is for. The sources add up (a follower OR a recent buyer …); language and country
 * narrow them. Marketing consent is never part of the definition: it is always required.
 */
export const segmentSchema = z
  .object({
    followers: z.boolean().default(false),
    attendedWithoutBuying: z.boolean().default(false),
    /** Bought from the brand in the last N days; null: not a source. */
    boughtWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
    languages: z.array(z.enum(CAMPAIGN_LOCALES)).default([]),
    /** ISO 3166 alpha-2, matched against the person's saved addresses and the orders they had shipped. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  })
  .refine((s) => s.followers || s.attendedWithoutBuying || s.boughtWithinDays !== null, { message: 'choose at least one source' });
export type Segment = z.infer<typeof segmentSchema>;

export interface SegmentMember {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
}

const BOUGHT = Prisma.sql`('PAID', 'PACKED', 'SHIPPED', 'DELIVERED')`;

function membersWhere(brandId: string, segment: Segment): Prisma.Sql {
  const sources: Prisma.Sql[] = [];
  if (segment.followers)
    sources.push(Prisma.sql`EXISTS (SELECT 1 FROM "BrandFollow" f WHERE f."userId" = u."id" AND f."brandId" = ${brandId})`);
  if (segment.attendedWithoutBuying) {
    sources.push(Prisma.sql`EXISTS (
      SELECT 1 FROM (${attendeesSql}) a JOIN "Show" s ON s."id" = a."showId"
       WHERE a."userId" = u."id" AND s."brandId" = ${brandId}
         AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."buyerId" = u."id" AND o."showId" = s."id" AND o."status"::text IN ${BOUGHT}))`);
  }
  if (segment.boughtWithinDays !== null) {
    sources.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Order" o WHERE o."buyerId" = u."id" AND o."brandId" = ${brandId} AND o."status"::text IN ${BOUGHT}
         AND o."createdAt" >= (now() AT TIME ZONE 'UTC') - make_interval(days => ${segment.boughtWithinDays}::int))`);
  }
  const filters: Prisma.Sql[] = [Prisma.sql`u."deletedAt" IS NULL`, Prisma.sql`(${Prisma.join(sources, ' OR ')})`];
  if (segment.languages.length) filters.push(Prisma.sql`COALESCE(u."locale", 'en') IN (${Prisma.join(segment.languages)})`);
  if (segment.countries.length) {
    filters.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM "Address" ad WHERE ad."userId" = u."id" AND ad."country" IN (${Prisma.join(segment.countries)}))
      OR EXISTS (SELECT 1 FROM "Order" o WHERE o."buyerId" = u."id" AND o."shipCountry" IN (${Prisma.join(segment.countries)})))`);
  }
  return Prisma.join(filters, ' AND ');
}

/** The members of a brand's segment who may be emailed (marketing consent granted, account not deleted). */
export async function segmentMembers(db: Db, brandId: string, segment: Segment): Promise<SegmentMember[]> {
  return db.$queryRaw<SegmentMember[]>`
    SELECT u."id" AS "userId", u."email", u."name", u."locale" FROM "User" u
     WHERE ${membersWhere(brandId, segment)} AND ${hasMarketingConsentSql(Prisma.sql`u."id"`)}
     ORDER BY u."id"`;
}

export interface SegmentCount {
  /** Members who would get the campaign. */
  reachable: number;
  /** Members without marketing consent, who will not. */
  withoutConsent: number;
}

/** The count preview shown while a campaign is edited. */
export async function countSegment(db: Db, brandId: string, segment: Segment): Promise<SegmentCount> {
  const [row] = await db.$queryRaw<{ reachable: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE ${hasMarketingConsentSql(Prisma.sql`u."id"`)})::int AS "reachable", count(*)::int AS "total"
      FROM "User" u WHERE ${membersWhere(brandId, segment)}`;
  return { reachable: row?.reachable ?? 0, withoutConsent: (row?.total ?? 0) - (row?.reachable ?? 0) };
}
