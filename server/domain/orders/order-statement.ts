// The host's commission statement: per show they host, what sold and what they
// earned. Commission is fixed per order line when the order is placed (a
// trigger copies the show's host and rate), so the statement sums those lines
// instead of recomputing from today's rate.
import { Prisma } from '../../db/client';
import type { Actor, Db } from '../context';

/**
 * Orders that count: paid and not undone. A cancelled or fully refunded order
 * earns nothing; PLACED has not been paid yet. A partly refunded order counts
 * for what the buyer kept paying: each line's sales are scaled by
 * (total − refunded) / total, and its commission credits are reversed in the
 * same proportion (rounded down per entry; a full refund reverses all).
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
  /** This host's share of it for the whole show (co-hosts split the rate; per-product shares may differ). */
  shareBps: number;
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

/**
 * Only the actor's own shows and ledger entries, whoever asks. Commission is the sum of the
 * actor's CommissionEntry rows (credits when lines were sold, reversals as refunds took them
 * back: migration 20261209160000_hosts_private), so co-hosts each see their own share; sales are
 * the lines the actor earned on, scaled to what the buyer kept paying.
 */
export async function getHostStatement(db: Db, actor: Actor): Promise<CommissionStatement> {
  const hostId = actor.userId;
  const shows = await db.$queryRaw<StatementShow[]>`
    WITH mine AS (
      SELECT e."orderItemId", e."showId", MAX(e."shareBps") AS "shareBps", SUM(e."amountMinor") AS commission
        FROM "CommissionEntry" e
        JOIN "Order" o ON o."id" = e."orderId"
       WHERE e."hostId" = ${hostId}
         AND o."status"::text IN (${EARNING_STATUSES[0]}, ${EARNING_STATUSES[1]}, ${EARNING_STATUSES[2]}, ${EARNING_STATUSES[3]})
       GROUP BY e."orderItemId", e."showId"
    )
    SELECT s."id" AS "showId", s."title", b."name" AS "brandName", s."scheduledStart", s."status"::text AS "status",
           b."currency", s."commissionRateBps",
           COALESCE((SELECT SUM(h."shareBps") FROM "ShowHostShare" h WHERE h."showId" = s."id" AND h."hostId" = ${hostId} AND h."productId" IS NULL),
                    CASE WHEN EXISTS (SELECT 1 FROM "ShowHostShare" h WHERE h."showId" = s."id" AND h."productId" IS NULL) THEN 0
                         WHEN s."hostId" = ${hostId} THEN s."commissionRateBps" ELSE 0 END)::int AS "shareBps",
           COUNT(DISTINCT i."orderId")::int AS "orderCount",
           COALESCE(ROUND(SUM(i."quantity" * i."unitPriceMinor" * ${KEPT})), 0)::int AS "salesMinor",
           COALESCE(SUM(m.commission), 0)::int AS "commissionMinor"
      FROM "Show" s
      JOIN "Brand" b ON b."id" = s."brandId"
      LEFT JOIN mine m ON m."showId" = s."id"
      LEFT JOIN "OrderItem" i ON i."id" = m."orderItemId"
      LEFT JOIN "Order" o ON o."id" = i."orderId"
     WHERE (s."hostId" = ${hostId} AND s."hostInviteStatus" = 'ACCEPTED')
        OR EXISTS (SELECT 1 FROM "ShowHostShare" h WHERE h."showId" = s."id" AND h."hostId" = ${hostId})
        OR EXISTS (SELECT 1 FROM "CommissionEntry" e WHERE e."showId" = s."id" AND e."hostId" = ${hostId})
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
