// The abandoned-bag follow-up: one email once a bag has sat untouched for ABANDONED_BAG_DELAY_MINUTES,
// while something in it is still on sale and in stock, to people with marketing consent. A sweep (not a
// job per bag add) so adding to the bag stays one statement; AbandonedBagFollowUp records each bag's
// outcome (SENT, or PURCHASED when they bought first), so no bag is ever followed up twice.
import { Prisma } from '../../db/client';
import { emailJobRow } from '../../mail/outbox';
import type { Db } from '../context';
import { hasMarketingConsent } from './consent';
import { marketingLinks } from './links';
import { renderAbandonedBagEmail } from './render';

export interface AbandonedBagConfig {
  PUBLIC_URL: string;
  AUTH_SECRET: string;
  ABANDONED_BAG_DELAY_MINUTES: number;
}

// Bags left longer ago than this are not chased: the first sweep after an upgrade must not email old bags.
const HORIZON_DAYS = 7;

/** Follows up the bags that became due; answers how many emails were queued. */
export async function followUpAbandonedBags(db: Db, config: AbandonedBagConfig): Promise<number> {
  const delay = config.ABANDONED_BAG_DELAY_MINUTES;
  const due = await db.$queryRaw<{ userId: string; showId: string; firstAddedAt: Date }[]>`
    SELECT b."userId", b."showId", min(b."addedAt") AS "firstAddedAt" FROM "BagItem" b
     WHERE NOT EXISTS (SELECT 1 FROM "AbandonedBagFollowUp" f WHERE f."userId" = b."userId" AND f."showId" = b."showId")
     GROUP BY b."userId", b."showId"
    HAVING max(b."addedAt") <= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${delay}::int)
       AND max(b."addedAt") > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${delay}::int, days => ${HORIZON_DAYS}::int)
     LIMIT 200`;
  let queued = 0;
  for (const bag of due) if (await followUp(db, config, bag)) queued += 1;
  return queued;
}

async function followUp(db: Db, config: AbandonedBagConfig, bag: { userId: string; showId: string; firstAddedAt: Date }): Promise<boolean> {
  const bought = await db.order.count({
    where: { buyerId: bag.userId, showId: bag.showId, status: { not: 'CANCELLED' }, createdAt: { gte: bag.firstAddedAt } },
  });
  if (bought > 0) {
    await db.abandonedBagFollowUp.createMany({ data: [{ ...bagKey(bag), outcome: 'PURCHASED' }], skipDuplicates: true });
    return false;
  }
  // Without consent (or with nothing left to buy) nothing is recorded: consent or stock may come back while the bag is recent.
  if (!(await hasMarketingConsent(db, bag.userId))) return false;
  const user = await db.user.findUnique({ where: { id: bag.userId }, select: { email: true, locale: true, deletedAt: true } });
  const show = await db.show.findUnique({ where: { id: bag.showId }, select: { title: true, brand: { select: { name: true } } } });
  if (!user || user.deletedAt || !show) return false;
  const lines = await db.bagItem.findMany({
    where: { userId: bag.userId, showId: bag.showId, variant: { stock: { gt: 0 }, product: { status: 'ACTIVE' } } },
    select: { variant: { select: { name: true, product: { select: { title: true } } } } },
    orderBy: { addedAt: 'asc' },
  });
  if (lines.length === 0) return false;
  const links = marketingLinks(
    config.PUBLIC_URL,
    config.AUTH_SECRET,
    { userId: bag.userId, messageId: null },
    { opens: false, clicks: false },
  );
  const rendered = renderAbandonedBagEmail(
    user.locale,
    {
      brand: show.brand.name,
      show: show.title,
      lines: lines.map((l) => (l.variant.name ? `${l.variant.product.title} (${l.variant.name})` : l.variant.product.title)),
      showUrl: `${config.PUBLIC_URL}/shows/${encodeURIComponent(bag.showId)}`,
    },
    links,
  );
  const job = emailJobRow({
    ...rendered,
    dedupeKey: `abandoned-bag:${bag.userId}:${bag.showId}`,
    to: user.email,
    kind: 'marketing.abandoned-bag',
    listUnsubscribeUrl: links.oneClickUrl,
  });
  // The outcome row and the email commit together: a bag is followed up exactly once.
  return db.$transaction(async (tx) => {
    const { count } = await tx.abandonedBagFollowUp.createMany({ data: [{ ...bagKey(bag), outcome: 'SENT' }], skipDuplicates: true });
    if (count === 0) return false;
    await tx.job.createMany({ data: [{ ...job, payload: job.payload as Prisma.InputJsonObject }], skipDuplicates: true });
    return true;
  });
}

function bagKey(bag: { userId: string; showId: string }) {
  return { userId: bag.userId, showId: bag.showId };
}
