// The host's commission statement: per show they host, what sold and what they
// earned. Commission is fixed per order line when the order is placed (a
// trigger copies the show's host and rate), so the statement sums those lines
// instead of recomputing from today's rate.
import { Prisma } from '../../db/client';
import type { Actor, Db } from '../context';

/**
 * Orders that count: paid and not undone. A cancelled or fully refunded order
 * earns nothing; PLACED has not been paid yet. A partly refunded order counts
 * for what the buyer kept paying: each line's sales and commission are scaled
 * by (total − refunded) / total, so commission is on the net amount.
 */
const EARNING_STATUSES = ['PAID', 'PACKED', 'SHIPPED', 'DELIVERED'] as const;

export interface StatementShow {
  showId: string;
  title: string;
  brandName: string;
  scheduledStart: Date;
  status: string;
  currency: string;
  /** The show's rate in basis points (1000 = 10 %). */
  commissionRateBps: number;
  orderCount: number;
  salesMinor: number;
  commissionMinor: number;
}

export interface CommissionStatement {
  shows: StatementShow[];
  /** One line per currency: brands sell in their own. */
  totals: { currency: string; salesMinor: number; commissionMinor: number }[];
}

/** The share of an order the buyer kept paying (1 for an order that cost nothing). */
const KEPT = Prisma.sql`(COALESCE((o."totalMinor" - o."refundedMinor")::numeric / NULLIF(o."totalMinor", 0), 1))`;

/** Only the actor's own shows and commission lines, whoever asks. */
export async function getHostStatement(db: Db, actor: Actor): Promise<CommissionStatement> {
  const hostId = actor.userId;
  const shows = await db.$queryRaw<StatementShow[]>`
    SELECT s."id" AS "showId", s."title", b."name" AS "brandName", s."scheduledStart", s."status"::text AS "status",
           b."currency", s."commissionRateBps",
           COUNT(DISTINCT i."orderId")::int AS "orderCount",
           COALESCE(ROUND(SUM(i."quantity" * i."unitPriceMinor" * ${KEPT})), 0)::int AS "salesMinor",
           COALESCE(ROUND(SUM(i."commissionMinor" * ${KEPT})), 0)::int AS "commissionMinor"
      FROM "Show" s
      JOIN "Brand" b ON b."id" = s."brandId"
      LEFT JOIN "Order" o ON o."showId" = s."id" AND o."status"::text IN (${EARNING_STATUSES[0]}, ${EARNING_STATUSES[1]}, ${EARNING_STATUSES[2]}, ${EARNING_STATUSES[3]})
      LEFT JOIN "OrderItem" i ON i."orderId" = o."id" AND i."hostId" = ${hostId}
     WHERE (s."hostId" = ${hostId} AND s."hostInviteStatus" = 'ACCEPTED')
        OR EXISTS (SELECT 1 FROM "OrderItem" li JOIN "Order" lo ON lo."id" = li."orderId" WHERE lo."showId" = s."id" AND li."hostId" = ${hostId})
     GROUP BY s."id", b."id"
     ORDER BY s."scheduledStart" DESC`;
  const totals = new Map<string, { currency: string; salesMinor: number; commissionMinor: number }>();
  for (const s of shows) {
    const t = totals.get(s.currency) ?? { currency: s.currency, salesMinor: 0, commissionMinor: 0 };
    t.salesMinor += s.salesMinor;
    t.commissionMinor += s.commissionMinor;
    totals.set(s.currency, t);
  }
  return { shows, totals: [...totals.values()] };
}
