import { appendShowAudit } from '../audit';
import { AppError } from '../errors';
import type { Actor, Db } from '../context';

export const DEAL_MIN_SECONDS = 10;
export const DEAL_MAX_SECONDS = 60 * 60;

export interface DealView {
  id: string;
  productId: string;
  variantId: string;
  variantName: string;
  priceMinor: number;
  regularPriceMinor: number;
  currency: string;
  endsAt: string;
  quantityCap: number | null;
  soldCount: number;
  /** When the host started it (server clock): the `at` of its deal:started, for viewers who join later. */
  startedAt: string;
}

export interface StartDealRequest {
  variantId: string;
  priceMinor: number;
  durationSeconds: number;
  quantityCap?: number | null;
}

const dealSelect = {
  id: true,
  productId: true,
  variantId: true,
  priceMinor: true,
  endsAt: true,
  quantityCap: true,
  soldCount: true,
  createdAt: true,
  variant: { select: { name: true, priceMinor: true, currency: true } },
} as const;

type DealRow = {
  id: string;
  productId: string;
  variantId: string;
  priceMinor: number;
  endsAt: Date;
  quantityCap: number | null;
  soldCount: number;
  createdAt: Date;
  variant: { name: string; priceMinor: number; currency: string };
};

function toView(row: DealRow): DealView {
  return {
    id: row.id,
    productId: row.productId,
    variantId: row.variantId,
    variantName: row.variant.name,
    priceMinor: row.priceMinor,
    regularPriceMinor: row.variant.priceMinor,
    currency: row.variant.currency,
    endsAt: row.endsAt.toISOString(),
    quantityCap: row.quantityCap,
    soldCount: row.soldCount,
    startedAt: row.createdAt.toISOString(),
  };
}

/** The show's running deal: not ended by the host, not past its end time, not sold through its cap. */
export async function activeDeal(db: Db, showId: string, now = new Date()): Promise<DealView | null> {
  const row = await db.flashDeal.findFirst({
    where: { showId, endedAt: null, endsAt: { gt: now } },
    select: dealSelect,
    orderBy: { createdAt: 'desc' },
  });
  if (!row || (row.quantityCap !== null && row.soldCount >= row.quantityCap)) return null;
  return toView(row);
}

/** True once a capped deal has sold every unit of its cap: it is over, whatever its timer says. */
export async function dealSoldOut(db: Db, dealId: string): Promise<boolean> {
  const row = await db.flashDeal.findUnique({ where: { id: dealId }, select: { quantityCap: true, soldCount: true } });
  return row !== null && row.quantityCap !== null && row.soldCount >= row.quantityCap;
}

export async function getDeal(db: Db, dealId: string): Promise<DealView | null> {
  const row = await db.flashDeal.findUnique({ where: { id: dealId }, select: dealSelect });
  return row && toView(row);
}

async function requireLiveHost(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { hostId: true, status: true, pinnedProductId: true, rehearsalStartedAt: true },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId) throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  // A rehearsal tries deals too; nothing can be bought at them, and they leave no trace in the audit log.
  const rehearsing = show.status === 'SCHEDULED' && show.rehearsalStartedAt !== null;
  if (show.status !== 'LIVE' && !rehearsing) throw new AppError('SHOW_NOT_LIVE', `show ${showId} is ${show.status}`);
  const audit: (...args: Parameters<typeof appendShowAudit>) => Promise<unknown> = rehearsing ? async () => undefined : appendShowAudit;
  return { ...show, audit };
}

/** Starts a deal on a variant of the pinned product; any deal already running ends. */
export async function startFlashDeal(
  db: Db,
  actor: Actor,
  showId: string,
  request: StartDealRequest,
): Promise<{ deal: DealView; replacedDealId: string | null; at: number }> {
  const show = await requireLiveHost(db, actor, showId);
  const variant = await db.productVariant.findUnique({ where: { id: request.variantId }, select: { productId: true, priceMinor: true } });
  if (!variant || variant.productId !== show.pinnedProductId)
    throw new AppError('DEAL_NEEDS_PIN', 'deal variant is not of the pinned product');
  if (request.priceMinor < 0 || request.priceMinor >= variant.priceMinor)
    throw new AppError('DEAL_PRICE_NOT_LOWER', 'deal price not below regular price');
  if (request.durationSeconds < DEAL_MIN_SECONDS || request.durationSeconds > DEAL_MAX_SECONDS)
    throw new AppError('INVALID_INPUT', 'deal duration out of range');
  const now = new Date();
  const running = await activeDeal(db, showId, now);
  const created = await db.$transaction(async (tx) => {
    const replaced = await tx.flashDeal.updateManyAndReturn({
      where: { showId, endedAt: null },
      data: { endedAt: now },
      select: { id: true },
    });
    for (const { id } of replaced) await show.audit(tx, showId, 'deal.ended', { dealId: id, reason: 'replaced' });
    const deal = await tx.flashDeal.create({
      data: {
        showId,
        productId: variant.productId,
        variantId: request.variantId,
        priceMinor: request.priceMinor,
        endsAt: new Date(now.getTime() + request.durationSeconds * 1000),
        quantityCap: request.quantityCap ?? null,
        // The server's instant of the start, the same one the broadcast's `at` carries.
        createdAt: now,
      },
      select: dealSelect,
    });
    await show.audit(tx, showId, 'deal.started', {
      dealId: deal.id,
      productId: deal.productId,
      variantId: deal.variantId,
      priceMinor: deal.priceMinor,
      regularPriceMinor: deal.variant.priceMinor,
      currency: deal.variant.currency,
      endsAt: deal.endsAt.toISOString(),
      quantityCap: deal.quantityCap,
    });
    return deal;
  });
  return { deal: toView(created), replacedDealId: running?.id ?? null, at: now.getTime() };
}

/** Ends the running deal; `dealId` is the one viewers saw (null: none), `at` the server's instant of the end. */
export async function endFlashDeal(db: Db, actor: Actor, showId: string): Promise<{ dealId: string | null; at: number }> {
  const { audit } = await requireLiveHost(db, actor, showId);
  const now = new Date();
  const running = await activeDeal(db, showId, now);
  await db.$transaction(async (tx) => {
    const ended = await tx.flashDeal.updateManyAndReturn({
      where: { showId, endedAt: null },
      data: { endedAt: now },
      select: { id: true },
    });
    for (const { id } of ended) await audit(tx, showId, 'deal.ended', { dealId: id, reason: 'host' });
  });
  return { dealId: running?.id ?? null, at: now.getTime() };
}

/**
 * Records the end of a deal that ran out its time (the deal timer calls it): the
 * deal is closed at its end time and the log says so, once, whichever node asks.
 */
export async function closeExpiredDeal(db: Db, dealId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const closed = await tx.flashDeal.updateManyAndReturn({
      where: { id: dealId, endedAt: null, endsAt: { lte: now } },
      data: { endedAt: now },
      select: { showId: true, endsAt: true, soldCount: true },
    });
    const show = closed[0] && (await tx.show.findUnique({ where: { id: closed[0].showId }, select: { status: true } }));
    // A rehearsal's deal (the show still SCHEDULED) ends without an audit entry, as it started.
    if (show?.status !== 'SCHEDULED')
      for (const deal of closed)
        await appendShowAudit(tx, deal.showId, 'deal.ended', {
          dealId,
          reason: 'time',
          endsAt: deal.endsAt.toISOString(),
          soldCount: deal.soldCount,
        });
    return closed.length > 0;
  });
}
