import { AppError } from '../errors';
import { productCardSelect, type ProductCard } from '../catalog';
import type { Actor, Db } from '../context';
import { recordShowEvent } from './show-events';
import { announceShowLive } from '../notifications';
import { endRehearsal, pinDuringRehearsal } from '../rehearsals';

export type ShowStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';

export interface ShowSummary {
  id: string;
  title: string;
  description: string;
  /** The show's poster until the video plays; null uses the app's placeholder. */
  coverImageUrl: string | null;
  status: ShowStatus;
  scheduledStart: string;
  startedAt: string | null;
  endedAt: string | null;
  host: { id: string; name: string };
  brand: { id: string; name: string };
  /** Set by the show page (reviews, issue 20 item 6): each lineup product's rating as its card shows it, in the page's language. */
  ratingBadges?: Record<string, { text: string; label: string }>;
}

export interface ShowState extends ShowSummary {
  pinnedProduct: ProductCard | null;
  lineup: ProductCard[];
}

const showSummarySelect = {
  id: true,
  title: true,
  description: true,
  coverImageUrl: true,
  status: true,
  scheduledStart: true,
  startedAt: true,
  endedAt: true,
  host: { select: { id: true, name: true } },
  brand: { select: { id: true, name: true } },
} as const;

type ShowSummaryRow = {
  id: string;
  title: string;
  description: string;
  coverImageUrl: string | null;
  status: ShowStatus;
  scheduledStart: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  host: { id: string; name: string };
  brand: { id: string; name: string };
};

function toSummary(row: ShowSummaryRow): ShowSummary {
  return {
    ...row,
    scheduledStart: row.scheduledStart.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

export async function listShows(db: Db): Promise<{ live: ShowSummary[]; upcoming: ShowSummary[] }> {
  const rows = await db.show.findMany({
    where: { status: { in: ['LIVE', 'SCHEDULED'] } },
    select: showSummarySelect,
    orderBy: { scheduledStart: 'asc' },
    take: 50,
  });
  const shows = rows.map(toSummary);
  return { live: shows.filter((s) => s.status === 'LIVE'), upcoming: shows.filter((s) => s.status === 'SCHEDULED') };
}

export async function getShowSummary(db: Db, showId: string): Promise<ShowSummary> {
  const row = await db.show.findUnique({ where: { id: showId }, select: showSummarySelect });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  return toSummary(row);
}

/** Everything a viewer needs to render the show at once, including live stock. */
export async function getShowState(db: Db, showId: string): Promise<ShowState> {
  const row = await db.show.findUnique({
    where: { id: showId },
    select: {
      ...showSummarySelect,
      pinnedProduct: { select: productCardSelect },
      lineup: { select: { product: { select: productCardSelect } }, orderBy: { position: 'asc' } },
    },
  });
  if (!row) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  const { pinnedProduct, lineup, ...summary } = row;
  return { ...toSummary(summary), pinnedProduct, lineup: lineup.map((l) => l.product) };
}

/** Host actions are checked here, on every call, whatever the UI showed. */
async function requireHost(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { id: true, hostId: true, status: true, startedAt: true, hostInviteStatus: true, rehearsalStartedAt: true },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId || show.hostInviteStatus === 'DECLINED')
    throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  return show;
}

export async function isShowHost(db: Db, userId: string, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true } });
  return show?.hostId === userId;
}

export async function goLive(db: Db, actor: Actor, showId: string): Promise<ShowSummary> {
  const show = await requireHost(db, actor, showId);
  if (show.status === 'ENDED' || show.status === 'CANCELLED') {
    throw new AppError('SHOW_FINISHED', `show ${showId} is ${show.status}`);
  }
  if (show.hostInviteStatus !== 'ACCEPTED') {
    throw new AppError('INVITE_NOT_ACCEPTED', `host has not accepted show ${showId}`);
  }
  // Going live straight from a rehearsal starts clean, as if the host had left it first.
  if (show.rehearsalStartedAt) await endRehearsal(db, actor, showId);
  if (show.status === 'SCHEDULED') {
    // Conditional on the status so two clicks (or two tabs) start the show once.
    const started = await db.$transaction(async (tx) => {
      const { count } = await tx.show.updateMany({
        where: { id: showId, status: 'SCHEDULED' },
        data: { status: 'LIVE', startedAt: new Date() },
      });
      if (count === 1) await recordShowEvent(tx, showId, 'show.live');
      return count;
    });
    if (started === 1) await announceShowLive(db, showId);
  }
  return getShowSummary(db, showId);
}

export async function endShow(db: Db, actor: Actor, showId: string): Promise<ShowSummary> {
  const show = await requireHost(db, actor, showId);
  if (show.status === 'LIVE') {
    await db.$transaction(async (tx) => {
      const { count } = await tx.show.updateMany({
        where: { id: showId, status: 'LIVE' },
        data: { status: 'ENDED', endedAt: new Date(), pinnedProductId: null },
      });
      // Two hosts' clicks end the show once, and announce it once.
      if (count === 1) await recordShowEvent(tx, showId, 'show.ended');
    });
  } else if (show.status !== 'ENDED') {
    throw new AppError('SHOW_NOT_LIVE', `show ${showId} is ${show.status}`);
  }
  return getShowSummary(db, showId);
}

/** A pin as it happened: the card, and `at`, the server's epoch ms of the moment (what viewers schedule the overlay by). */
export interface PinResult {
  product: ProductCard;
  at: number;
}

export async function pinProduct(db: Db, actor: Actor, showId: string, productId: string): Promise<PinResult> {
  const show = await requireHost(db, actor, showId);
  const rehearsing = show.status === 'SCHEDULED' && show.rehearsalStartedAt !== null;
  if (!rehearsing && (show.status !== 'LIVE' || !show.startedAt)) throw new AppError('PIN_NEEDS_LIVE', `show ${showId} is ${show.status}`);
  const inLineup = await db.showProduct.findUnique({
    where: { showId_productId: { showId, productId } },
    select: { product: { select: { status: true } } },
  });
  if (!inLineup) throw new AppError('NOT_IN_LINEUP', `product ${productId} not in lineup of ${showId}`);
  // A lineup may hold drafts (brands prepare shows ahead), but a pin puts Buy on every
  // viewer's screen, so only what can be bought is pinned.
  if (inLineup.product.status !== 'ACTIVE') throw new AppError('PRODUCT_NOT_ON_SALE', `product ${productId} is ${inLineup.product.status}`);
  // One instant for the broadcast's `at` and the stored offset, so a replay and a live viewer place the pin alike.
  const at = Date.now();
  if (rehearsing || !show.startedAt) {
    // A rehearsal's pin leaves no pin moment behind: the replay knows only the real show.
    await pinDuringRehearsal(db, showId, productId);
    return { product: await db.product.findUniqueOrThrow({ where: { id: productId }, select: productCardSelect }), at };
  }
  const offsetMs = at - show.startedAt.getTime();
  const [, , product] = await db.$transaction([
    db.show.update({ where: { id: showId }, data: { pinnedProductId: productId } }),
    db.pinEvent.create({ data: { showId, productId, action: 'PIN', offsetMs } }),
    db.product.findUniqueOrThrow({ where: { id: productId }, select: productCardSelect }),
  ]);
  return { product, at };
}

/** Returns `at`, the server's epoch ms of the unpin (of the call, when nothing was pinned). */
export async function unpinProduct(db: Db, actor: Actor, showId: string): Promise<{ at: number }> {
  const show = await requireHost(db, actor, showId);
  const at = Date.now();
  const current = await db.show.findUnique({ where: { id: showId }, select: { pinnedProductId: true } });
  if (!current?.pinnedProductId) return { at };
  const offsetMs = show.startedAt ? at - show.startedAt.getTime() : 0;
  await db.$transaction([
    db.show.update({ where: { id: showId }, data: { pinnedProductId: null } }),
    db.pinEvent.create({ data: { showId, productId: current.pinnedProductId, action: 'UNPIN', offsetMs } }),
  ]);
  return { at };
}

/**
 * When the show's current pin happened (server epoch ms), for a late joiner's snapshot: the latest PIN
 * event's offset from the start, the same instant its `product:pinned` carried. Null without a pin.
 */
export async function pinnedAt(db: Db, showId: string): Promise<number | null> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { startedAt: true, pinnedProductId: true } });
  if (!show?.startedAt || !show.pinnedProductId) return null;
  const pin = await db.pinEvent.findFirst({
    where: { showId, productId: show.pinnedProductId, action: 'PIN' },
    orderBy: { createdAt: 'desc' },
    select: { offsetMs: true },
  });
  return pin ? show.startedAt.getTime() + pin.offsetMs : null;
}
