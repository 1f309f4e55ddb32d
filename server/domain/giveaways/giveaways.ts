// Provably fair giveaways in a live show. The server picks a secret seed and
// publishes its commitment (SHA-256) before anyone can enter; the draw reveals the
// seed, and the winners follow from it and the sorted entry references by the
// algorithm in ../fair-draw.ts, which the public verification page re-runs.
import { createHash, randomBytes } from 'node:crypto';
import { appendShowAudit } from '../audit';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { drawWinners } from '../fair-draw';
import { requireLiveModerator } from '../live-format';
import { placePrizeOrder } from '../orders';
import { requireModerator, showRoleOf } from '../shows';
import { emailGiveawayWinner } from './giveaway-email';
import {
  giveawaySelect,
  myGiveaway,
  toGiveawayView,
  type GiveawayRow,
  type GiveawayView,
  type MyGiveaway,
  type PrizeStatus,
} from './giveaway-view';
import type { GiveawayStartInput } from './giveaways.schema';

export async function startGiveaway(db: Db, actor: Actor, showId: string, input: GiveawayStartInput): Promise<GiveawayView> {
  await requireLiveModerator(db, actor, showId);
  let prizeText = input.prizeText?.trim() ?? '';
  if (input.prizeVariantId) {
    const variant = await db.productVariant.findUnique({
      where: { id: input.prizeVariantId },
      select: { name: true, stock: true, product: { select: { title: true, lineups: { where: { showId }, select: { showId: true } } } } },
    });
    if (!variant) throw new AppError('VARIANT_NOT_FOUND', `variant ${input.prizeVariantId}`);
    if (variant.product.lineups.length === 0) throw new AppError('NOT_IN_LINEUP', `variant ${input.prizeVariantId} not in ${showId}`);
    const name = `${variant.product.title} — ${variant.name}`;
    if (variant.stock < input.winnerCount) throw new AppError('ONLY_LEFT', { count: variant.stock, name }, 'prize stock below winners');
    prizeText ||= name;
  }
  if (!prizeText) throw new AppError('GIVEAWAY_PRIZE_REQUIRED', 'no prize');
  // The seed is fixed here, before the first entry; only its hash is public until the draw.
  const seed = randomBytes(32);
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`giveaway:${showId}`}, 0))`;
    if (await tx.giveaway.findFirst({ where: { showId, status: 'OPEN' }, select: { id: true } }))
      throw new AppError('GIVEAWAY_RUNNING', `show ${showId} has an open giveaway`);
    const created = await tx.giveaway.create({
      data: {
        showId,
        createdById: actor.userId,
        prizeText,
        prizeVariantId: input.prizeVariantId ?? null,
        eligibility: input.eligibility,
        keyword: input.keyword ?? null,
        winnerCount: input.winnerCount,
        commitment: createHash('sha256').update(seed).digest('hex'),
        seedHex: seed.toString('hex'),
        endsAt: new Date(Date.now() + input.durationSeconds * 1000),
      },
      select: giveawaySelect,
    });
    // The commitment enters the show's audit log before anyone can enter: proof of when it was fixed.
    await appendShowAudit(tx, showId, 'giveaway.committed', {
      giveawayId: created.id,
      commitment: created.commitment,
      prize: created.prizeText,
      prizeVariantId: created.prizeVariantId,
      eligibility: created.eligibility,
      keyword: created.keyword,
      winnerCount: created.winnerCount,
      endsAt: created.endsAt.toISOString(),
    });
    return created;
  });
  return toGiveawayView(db, row);
}

async function requireEligible(db: Db, actor: Actor, showId: string, eligibility: string): Promise<void> {
  if ((await showRoleOf(db, actor.userId, showId)) !== 'viewer') throw new AppError('GIVEAWAY_STAFF', `staff ${actor.userId}`);
  if (eligibility === 'FOLLOWERS') {
    const show = await db.show.findUniqueOrThrow({ where: { id: showId }, select: { hostId: true, brandId: true } });
    const [host, brand] = await Promise.all([
      db.hostFollow.findUnique({ where: { userId_hostId: { userId: actor.userId, hostId: show.hostId } }, select: { userId: true } }),
      db.brandFollow.findUnique({ where: { userId_brandId: { userId: actor.userId, brandId: show.brandId } }, select: { userId: true } }),
    ]);
    if (!host && !brand) throw new AppError('NOT_ELIGIBLE_FOLLOWERS', `${actor.userId} follows neither`);
  } else if (eligibility === 'BUYERS') {
    const order = await db.order.findFirst({
      where: { buyerId: actor.userId, showId, status: { notIn: ['PLACED', 'CANCELLED', 'REFUNDED'] }, source: { not: 'GIVEAWAY' } },
      select: { id: true },
    });
    if (!order) throw new AppError('NOT_ELIGIBLE_BUYERS', `${actor.userId} bought nothing in ${showId}`);
  }
}

export interface EntryResult {
  giveawayId: string;
  ref: string;
  /** False when the person had entered before: entering twice changes nothing. */
  entered: boolean;
}

async function enter(
  db: Db,
  actor: Actor,
  showId: string,
  giveaway: Pick<GiveawayRow, 'id' | 'eligibility'>,
  via: 'TAP' | 'KEYWORD',
): Promise<EntryResult> {
  await requireEligible(db, actor, showId, giveaway.eligibility);
  // FOR SHARE: an entry in flight holds off the draw (which locks the row FOR UPDATE), and one
  // that arrives during the draw waits and then sees it DRAWN; the server's clock closes entries.
  // The entry and its audit line commit together.
  const row = await db.$transaction(async (tx) => {
    const [inserted] = await tx.$queryRawUnsafe<{ ref: string }[]>(
      `WITH g AS (SELECT "id" FROM "Giveaway" WHERE "id" = $1 AND "status" = 'OPEN' AND "endsAt" > now() FOR SHARE)
       INSERT INTO "GiveawayEntry" ("giveawayId", "userId", "ref", "via") SELECT g."id", $2, $3, $4 FROM g
       ON CONFLICT DO NOTHING RETURNING "ref"`,
      giveaway.id,
      actor.userId,
      randomBytes(8).toString('hex'),
      via,
    );
    if (inserted) await appendShowAudit(tx, showId, 'giveaway.entry', { giveawayId: giveaway.id, ref: inserted.ref, via });
    return inserted;
  });
  if (row) return { giveawayId: giveaway.id, ref: row.ref, entered: true };
  const earlier = await db.giveawayEntry.findUnique({
    where: { giveawayId_userId: { giveawayId: giveaway.id, userId: actor.userId } },
    select: { ref: true },
  });
  if (earlier) return { giveawayId: giveaway.id, ref: earlier.ref, entered: false };
  throw new AppError('GIVEAWAY_CLOSED', `giveaway ${giveaway.id} closed`);
}

async function openGiveaway(db: Db, showId: string): Promise<GiveawayRow> {
  const giveaway = await db.giveaway.findFirst({ where: { showId }, orderBy: { createdAt: 'desc' }, select: giveawaySelect });
  if (!giveaway) throw new AppError('GIVEAWAY_NOT_FOUND', `no giveaway in ${showId}`);
  if (giveaway.status !== 'OPEN' || giveaway.endsAt <= new Date()) throw new AppError('GIVEAWAY_CLOSED', `giveaway ${giveaway.id} closed`);
  return giveaway;
}

/** Entering by a tap; a giveaway entered by a keyword refuses taps and says which word to type. */
export async function enterGiveaway(db: Db, actor: Actor, showId: string, giveawayId: string): Promise<EntryResult> {
  const giveaway = await openGiveaway(db, showId);
  if (giveaway.id !== giveawayId) throw new AppError('GIVEAWAY_CLOSED', `giveaway ${giveawayId} is not the open one`);
  if (giveaway.keyword) throw new AppError('GIVEAWAY_KEYWORD_ONLY', { keyword: giveaway.keyword }, 'keyword entry only');
  return enter(db, actor, showId, giveaway, 'TAP');
}

/** Whether a chat message names the keyword: as one of its words, ignoring case and punctuation around it. */
export function mentionsKeyword(text: string, keyword: string): boolean {
  const wanted = keyword.toLocaleLowerCase();
  return text.split(/\s+/).some((word) => word.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '').toLocaleLowerCase() === wanted);
}

/**
 * Called for every chat message sent: enters its author when the show's open
 * giveaway is entered by a keyword the message contains. Answers null when the
 * message enters nothing; a refusal (not eligible, closed) is answered too, so
 * the author can be told, but the chat message itself stands either way.
 */
export async function enterGiveawayByChat(
  db: Db,
  actor: Actor,
  showId: string,
  text: string,
): Promise<{ entry: EntryResult } | { refusal: AppError } | null> {
  const giveaway = await db.giveaway.findFirst({
    where: { showId, status: 'OPEN', keyword: { not: null }, endsAt: { gt: new Date() } },
    select: giveawaySelect,
  });
  if (!giveaway?.keyword || !mentionsKeyword(text, giveaway.keyword)) return null;
  try {
    return { entry: await enter(db, actor, showId, giveaway, 'KEYWORD') };
  } catch (error) {
    if (error instanceof AppError) return { refusal: error };
    throw error;
  }
}

export interface DrawResult {
  giveaway: GiveawayView;
  /** Stock after each prize order placed, for the show's cards. */
  stockAfter: { variantId: string; productId: string; stock: number }[];
}

/**
 * Closes entries and draws: the winners are computed from the committed seed and
 * the sorted entry references, then the seed is published with them. Each winner
 * of a product gets a zero-price order (or, without a saved address, a prize to
 * claim once they add one) and an email in their language.
 */
export async function drawGiveaway(db: Db, actor: Actor, showId: string, giveawayId: string): Promise<DrawResult> {
  await requireModerator(db, actor, showId);
  return draw(db, showId, giveawayId);
}

/**
 * The draw at the end of entries, by the server's timer: only a giveaway still
 * OPEN whose time has passed (by the database's clock); null otherwise, as when
 * the host drew first or another node's timer did (the row lock lets one draw).
 */
export async function drawGiveawayAtEnd(db: Db, giveawayId: string): Promise<DrawResult | null> {
  const [due] = await db.$queryRaw<{ showId: string }[]>`
    SELECT "showId" FROM "Giveaway" WHERE "id" = ${giveawayId} AND "status" = 'OPEN' AND "endsAt" <= now()`;
  if (!due) return null;
  try {
    return await draw(db, due.showId, giveawayId);
  } catch (error) {
    if (error instanceof AppError && error.reason === 'GIVEAWAY_CLOSED') return null;
    throw error;
  }
}

async function draw(db: Db, showId: string, giveawayId: string): Promise<DrawResult> {
  const drawn = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT "status" FROM "Giveaway" WHERE "id" = ${giveawayId} AND "showId" = ${showId} FOR UPDATE`;
    if (!locked) throw new AppError('GIVEAWAY_NOT_FOUND', `giveaway ${giveawayId} not in ${showId}`);
    if (locked.status !== 'OPEN') throw new AppError('GIVEAWAY_CLOSED', `giveaway ${giveawayId} is ${locked.status}`);
    const giveaway = await tx.giveaway.findUniqueOrThrow({ where: { id: giveawayId }, select: giveawaySelect });
    const entries = await tx.giveawayEntry.findMany({ where: { giveawayId }, select: { ref: true, userId: true } });
    const winnerRefs = await drawWinners(
      giveaway.seedHex,
      entries.map((e) => e.ref),
      giveaway.winnerCount,
    );
    const byRef = new Map(entries.map((e) => [e.ref, e.userId]));
    const status: PrizeStatus = giveaway.prizeVariantId ? 'NEEDS_ADDRESS' : 'NO_ORDER';
    await tx.giveawayWinner.createMany({ data: winnerRefs.map((ref, rank) => ({ giveawayId, userId: byRef.get(ref)!, rank, status })) });
    const sorted = entries.map((e) => e.ref).sort();
    await appendShowAudit(tx, showId, 'giveaway.drawn', {
      giveawayId,
      seed: giveaway.seedHex,
      commitment: giveaway.commitment,
      entryCount: sorted.length,
      // SHA-256 of the sorted references joined by line feeds: the exact list the draw used.
      entriesDigest: createHash('sha256').update(sorted.join('\n'), 'utf8').digest('hex'),
      winners: winnerRefs,
    });
    return tx.giveaway.update({
      where: { id: giveawayId },
      data: { status: 'DRAWN', drawnAt: new Date(), entryCount: entries.length },
      select: giveawaySelect,
    });
  });
  const winners = await db.giveawayWinner.findMany({
    where: { giveawayId },
    orderBy: { rank: 'asc' },
    select: { userId: true, user: { select: { locale: true } } },
  });
  const stockAfter: DrawResult['stockAfter'] = [];
  for (const winner of winners) {
    const prize = drawn.prizeVariantId ? await deliverPrize(db, drawn, { userId: winner.userId, locale: winner.user.locale }) : null;
    if (prize?.outcome === 'ORDERED') stockAfter.push(...prize.stockAfter);
    await emailGiveawayWinner(db, drawn, winner.userId);
  }
  return { giveaway: await toGiveawayView(db, drawn), stockAfter };
}

async function deliverPrize(db: Db, giveaway: GiveawayRow, winner: { userId: string; locale: string | null }) {
  const result = await placePrizeOrder(db, winner, {
    showId: giveaway.showId,
    variantId: giveaway.prizeVariantId!,
    key: `giveaway:${giveaway.id}`,
  });
  if (result.outcome === 'ORDERED')
    await db.giveawayWinner.update({
      where: { giveawayId_userId: { giveawayId: giveaway.id, userId: winner.userId } },
      data: { status: 'ORDERED', orderId: result.orderId },
    });
  else if (result.outcome !== 'NO_ADDRESS')
    await db.giveawayWinner.update({
      where: { giveawayId_userId: { giveawayId: giveaway.id, userId: winner.userId } },
      data: { status: 'NO_ORDER' },
    });
  return result;
}

/** A winner without an address at the draw claims the prize once they saved one: the same zero-price order. */
export async function claimPrize(db: Db, actor: Actor, giveawayId: string): Promise<MyGiveaway> {
  const win = await db.giveawayWinner.findUnique({
    where: { giveawayId_userId: { giveawayId, userId: actor.userId } },
    select: { status: true },
  });
  if (!win) throw new AppError('GIVEAWAY_NOT_WON', `${actor.userId} did not win ${giveawayId}`);
  if (win.status === 'NEEDS_ADDRESS') {
    const giveaway = await db.giveaway.findUniqueOrThrow({ where: { id: giveawayId }, select: giveawaySelect });
    const result = await deliverPrize(db, giveaway, { userId: actor.userId, locale: actor.locale ?? null });
    if (result.outcome === 'NO_ADDRESS') throw new AppError('NO_ADDRESS', `${actor.userId} has no address yet`);
  }
  return (await myGiveaway(db, giveawayId, actor.userId))!;
}

/** The show's latest giveaway, and the person's part in it. */
export async function currentGiveaway(
  db: Db,
  showId: string,
  userId: string | null,
): Promise<{ giveaway: GiveawayView | null; mine: MyGiveaway | null }> {
  const row = await db.giveaway.findFirst({
    where: { showId, status: { not: 'CANCELLED' } },
    orderBy: { createdAt: 'desc' },
    select: giveawaySelect,
  });
  if (!row) return { giveaway: null, mine: null };
  const [giveaway, mine] = await Promise.all([toGiveawayView(db, row), myGiveaway(db, row.id, userId)]);
  return { giveaway, mine };
}

export async function giveawayEntryCount(db: Db, giveawayId: string): Promise<number> {
  return db.giveawayEntry.count({ where: { giveawayId } });
}

/** Everything the public verification page shows: enough to re-run the draw without trusting the server. */
export interface GiveawayVerification {
  giveaway: GiveawayView;
  showId: string;
  showTitle: string;
  /** Every entry reference, sorted as the draw sorts them (pseudonyms: no name or account id). */
  entries: string[];
}

export async function giveawayVerification(db: Db, giveawayId: string): Promise<GiveawayVerification | null> {
  const row = await db.giveaway.findUnique({ where: { id: giveawayId }, select: { ...giveawaySelect, show: { select: { title: true } } } });
  if (!row) return null;
  const entries = await db.giveawayEntry.findMany({ where: { giveawayId }, select: { ref: true }, orderBy: { ref: 'asc' } });
  return {
    giveaway: await toGiveawayView(db, row),
    showId: row.showId,
    showTitle: row.show.title,
    entries: entries.map((e) => e.ref).sort(),
  };
}
