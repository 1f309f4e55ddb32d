// A show's report (issue 20 item 1), read after the fact from what the database kept:
// the audience's events (ShowAnalyticsEvent), chat, pins, deals, orders, follows and refunds.
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import {
  audienceFigures,
  bucketCount,
  bucketSizeMs,
  concurrentViewers,
  pinnedDurations,
  productFunnel,
  sumSeries,
  watchSessions,
  type FunnelRow,
  type PresenceEvent,
} from './compute';

/** Orders that were paid, whatever happened to them since (refunds are reported on their own). */
export const SOLD_STATUSES = ['PAID', 'PACKED', 'SHIPPED', 'DELIVERED', 'REFUNDED'] as const;

export interface ReportMoment {
  /** Milliseconds since the show went live. */
  offsetMs: number;
  kind: 'pin' | 'deal';
  title: string;
}

export interface ShowReport {
  show: {
    id: string;
    title: string;
    status: string;
    startedAt: string | null;
    endedAt: string | null;
    brandSlug: string;
    currency: string;
  };
  /** Whether the reader is on the brand's team (the host alone cannot open the brand's dashboard). */
  brandMember: boolean;
  /** Null until the show has gone live: nothing to report yet. */
  timeline: {
    bucketMs: number;
    /** Offsets of each bucket's start, ms since going live. */
    offsetsMs: number[];
    viewers: number[];
    chat: number[];
    reactions: number[];
    orders: number[];
    gmvMinor: number[];
    moments: ReportMoment[];
  } | null;
  audience: { peak: number; unique: number; averageWatchMs: number };
  totals: {
    chatMessages: number;
    reactions: number;
    orders: number;
    gmvMinor: number;
    refunds: number;
    refundedMinor: number;
    newFollowers: number;
  };
  funnel: FunnelRow[];
}

/** The brand's owner and staff and the show's host may read its report; anybody else learns nothing of it. */
async function requireReportReader(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      title: true,
      status: true,
      startedAt: true,
      endedAt: true,
      hostId: true,
      brandId: true,
      brand: { select: { slug: true, currency: true, members: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  if (!show || (show.hostId !== actor.userId && show.brand.members.length === 0))
    throw new AppError('SHOW_NOT_FOUND', `user ${actor.userId} may not read the report of ${showId}`);
  return show;
}

export async function getShowReport(db: Db, actor: Actor, showId: string, now = new Date()): Promise<ShowReport> {
  const show = await requireReportReader(db, actor, showId);
  const base = {
    show: {
      id: show.id,
      title: show.title,
      status: show.status,
      startedAt: show.startedAt?.toISOString() ?? null,
      endedAt: show.endedAt?.toISOString() ?? null,
      brandSlug: show.brand.slug,
      currency: show.brand.currency,
    },
    brandMember: show.brand.members.length > 0,
  };
  if (!show.startedAt) {
    return {
      ...base,
      timeline: null,
      audience: { peak: 0, unique: 0, averageWatchMs: 0 },
      totals: { chatMessages: 0, reactions: 0, orders: 0, gmvMinor: 0, refunds: 0, refundedMinor: 0, newFollowers: 0 },
      funnel: [],
    };
  }
  const window = { start: show.startedAt.getTime(), end: (show.endedAt ?? now).getTime() };
  const from = show.startedAt;
  const to = new Date(window.end);
  const sold = [...SOLD_STATUSES];
  const [events, chat, pins, deals, orders, lines, lineup, brandFollows, hostFollows] = await Promise.all([
    db.showAnalyticsEvent.findMany({
      where: { showId },
      select: { kind: true, viewer: true, productId: true, variantId: true, count: true, at: true },
      orderBy: { id: 'asc' },
    }),
    db.chatMessage.findMany({ where: { showId, deletedAt: null, createdAt: { gte: from, lte: to } }, select: { createdAt: true } }),
    db.pinEvent.findMany({
      where: { showId },
      select: { productId: true, action: true, createdAt: true, product: { select: { title: true } } },
    }),
    db.flashDeal.findMany({ where: { showId }, select: { createdAt: true, product: { select: { title: true } } } }),
    db.order.findMany({
      where: { showId, status: { in: sold } },
      select: { buyerId: true, totalMinor: true, refundedMinor: true, createdAt: true },
    }),
    db.orderItem.findMany({
      where: { order: { showId, status: { in: sold } } },
      select: {
        quantity: true,
        order: { select: { buyerId: true } },
        variant: { select: { productId: true, product: { select: { title: true } } } },
      },
    }),
    db.showProduct.findMany({
      where: { showId },
      select: { productId: true, product: { select: { title: true } } },
      orderBy: { position: 'asc' },
    }),
    db.brandFollow.findMany({ where: { brandId: show.brandId, createdAt: { gte: from, lte: to } }, select: { userId: true } }),
    db.hostFollow.findMany({ where: { hostId: show.hostId, createdAt: { gte: from, lte: to } }, select: { userId: true } }),
  ]);

  const presence: PresenceEvent[] = [];
  const reactions: { at: number; value: number }[] = [];
  const tapped = new Map<string, Set<string>>();
  const bagged = new Map<string, Set<string>>();
  const variantIds = new Set<string>();
  for (const e of events) {
    if (e.kind === 'join' || e.kind === 'leave') presence.push({ viewer: e.viewer, kind: e.kind, at: e.at.getTime() });
    else if (e.kind === 'reaction') reactions.push({ at: e.at.getTime(), value: e.count });
    else if (e.kind === 'tap' && e.productId) addTo(tapped, e.productId, e.viewer);
    else if (e.kind === 'bag' && e.variantId) variantIds.add(e.variantId);
  }
  const variants = variantIds.size
    ? await db.productVariant.findMany({ where: { id: { in: [...variantIds] } }, select: { id: true, productId: true } })
    : [];
  const productOfVariant = new Map(variants.map((v) => [v.id, v.productId]));
  for (const e of events) {
    const productId = e.kind === 'bag' && e.variantId ? productOfVariant.get(e.variantId) : undefined;
    if (productId) addTo(bagged, productId, e.viewer);
  }

  const sessions = watchSessions(presence, window);
  const bucketMs = bucketSizeMs(window);
  const viewers = concurrentViewers(sessions, window, bucketMs);
  const titles = new Map<string, string>(lineup.map((p) => [p.productId, p.product.title]));
  const buyers = new Map<string, Set<string>>();
  const units = new Map<string, number>();
  for (const line of lines) {
    const productId = line.variant.productId;
    titles.set(productId, titles.get(productId) ?? line.variant.product.title);
    addTo(buyers, productId, `user:${line.order.buyerId}`);
    units.set(productId, (units.get(productId) ?? 0) + line.quantity);
  }
  const pinned = pinnedDurations(
    pins.map((p) => ({ productId: p.productId, action: p.action, at: p.createdAt.getTime() })),
    window,
  );
  for (const p of pins) titles.set(p.productId, titles.get(p.productId) ?? p.product.title);
  const none = new Set<string>();
  const funnel = [...titles].map(([productId, title]) =>
    productFunnel({
      productId,
      title,
      pinnedMs: pinned.get(productId) ?? 0,
      tapped: tapped.get(productId) ?? none,
      addedToBag: bagged.get(productId) ?? none,
      bought: buyers.get(productId) ?? none,
      units: units.get(productId) ?? 0,
    }),
  );

  const moments: ReportMoment[] = [
    ...pins.filter((p) => p.action === 'PIN').map((p) => ({ at: p.createdAt.getTime(), kind: 'pin' as const, title: p.product.title })),
    ...deals.map((d) => ({ at: d.createdAt.getTime(), kind: 'deal' as const, title: d.product.title })),
  ]
    .filter((m) => m.at >= window.start && m.at <= window.end)
    .sort((a, b) => a.at - b.at)
    .map(({ at, kind, title }) => ({ offsetMs: at - window.start, kind, title }));

  const orderPoints = orders.map((o) => ({ at: o.createdAt.getTime(), value: 1 }));
  const gmvPoints = orders.map((o) => ({ at: o.createdAt.getTime(), value: o.totalMinor }));
  const refunded = orders.filter((o) => o.refundedMinor > 0);
  const followers = new Set([...brandFollows.map((f) => f.userId), ...hostFollows.map((f) => f.userId)]);
  const { unique, averageWatchMs } = audienceFigures(sessions);
  return {
    ...base,
    timeline: {
      bucketMs,
      offsetsMs: Array.from({ length: bucketCount(window, bucketMs) }, (_, i) => i * bucketMs),
      viewers,
      chat: sumSeries(
        chat.map((m) => ({ at: m.createdAt.getTime(), value: 1 })),
        window,
        bucketMs,
      ),
      reactions: sumSeries(reactions, window, bucketMs),
      orders: sumSeries(orderPoints, window, bucketMs),
      gmvMinor: sumSeries(gmvPoints, window, bucketMs),
      moments,
    },
    audience: { peak: Math.max(0, ...viewers), unique, averageWatchMs },
    totals: {
      chatMessages: chat.length,
      reactions: reactions.reduce((n, r) => n + r.value, 0),
      orders: orders.length,
      gmvMinor: orders.reduce((n, o) => n + o.totalMinor, 0),
      refunds: refunded.length,
      refundedMinor: refunded.reduce((n, o) => n + o.refundedMinor, 0),
      newFollowers: followers.size,
    },
    funnel,
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}
