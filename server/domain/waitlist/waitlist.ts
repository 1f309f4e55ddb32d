import { z } from 'zod';
import { stockGate } from '../catalog';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { recordBrandEvent } from '../events';

// "Notify me" on a sold-out variant. Joining and leaving are here; what happens on
// a restock is the database's trigger waitlist_offer_restock (migration
// 20261209170000_waitlist), because every path that raises stock is an UPDATE of
// the variant's row and a trigger is the one place none of them can bypass. The
// buyer spends a hold inside reserve_order, through the ordinary one tap or bag.

export const waitlistJoinSchema = z.object({ variantId: z.string().min(1).max(64), showId: z.string().min(1).max(64).nullish() }).strict();
export type WaitlistJoinInput = z.infer<typeof waitlistJoinSchema>;

export type WaitlistState =
  { status: 'NONE' } | { status: 'WAITING'; position: number } | { status: 'HELD'; holdExpiresAt: string } | { status: 'BOUGHT' };

/**
 * Puts the person in line for the variant (at the back; asking again while waiting
 * keeps the place). A variant with units in stock is refused: they can buy it now.
 * `holdMinutes` is how long a unit will be held for them once it is back.
 */
export async function joinWaitlist(db: Db, actor: Actor, input: WaitlistJoinInput, holdMinutes: number): Promise<WaitlistState> {
  const { variantId, showId } = waitlistJoinSchema.parse(input);
  const variant = await db.productVariant.findUnique({
    where: { id: variantId },
    select: { stock: true, product: { select: { status: true } } },
  });
  if (!variant || variant.product.status !== 'ACTIVE') throw new AppError('VARIANT_NOT_FOUND', `variant ${variantId} not found`);
  if (variant.stock > 0) throw new AppError('WAITLIST_IN_STOCK', `variant ${variantId} has ${variant.stock} in stock`);
  const holdSeconds = holdMinutes * 60;
  // One row per person and variant: a hold that ended (bought, expired, left) is reused and goes to the back of the line.
  await db.$executeRaw`
    INSERT INTO "WaitlistEntry" ("id", "variantId", "userId", "showId", "holdSeconds")
    VALUES (gen_random_uuid()::text, ${variantId}, ${actor.userId}, ${showId ?? null}, ${holdSeconds})
    ON CONFLICT ("variantId", "userId") DO UPDATE
       SET "status" = 'WAITING', "queuedAt" = CURRENT_TIMESTAMP, "showId" = EXCLUDED."showId", "holdSeconds" = EXCLUDED."holdSeconds",
           "heldAt" = NULL, "holdExpiresAt" = NULL, "announcedAt" = NULL, "closedAt" = NULL, "orderId" = NULL
     WHERE "WaitlistEntry"."status" NOT IN ('WAITING', 'HELD')`;
  return (await waitlistStates(db, actor.userId, [variantId])).get(variantId) ?? { status: 'NONE' };
}

/** Leaves the line; a held unit is given back at once (and offered to the next in line by the trigger). */
export async function leaveWaitlist(db: Db, actor: Actor, variantId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const [left] = await tx.$queryRaw<{ status: string }[]>`
      UPDATE "WaitlistEntry" w SET "status" = 'CANCELLED', "closedAt" = CURRENT_TIMESTAMP
        FROM "WaitlistEntry" before
       WHERE w."id" = before."id" AND w."variantId" = ${variantId} AND w."userId" = ${actor.userId} AND w."status" IN ('WAITING', 'HELD')
      RETURNING before."status"::text AS "status"`;
    if (left?.status === 'HELD') await giveBack(tx, new Map([[variantId, 1]]));
  });
}

/** The person's place for each variant: waiting (with their position), held until when, or bought. */
export async function waitlistStates(db: Db, userId: string, variantIds: readonly string[]): Promise<Map<string, WaitlistState>> {
  const states = new Map<string, WaitlistState>();
  if (variantIds.length === 0) return states;
  const rows = await db.$queryRaw<{ variantId: string; status: string; holdExpiresAt: Date | null; ahead: number }[]>`
    SELECT w."variantId", w."status"::text AS "status", w."holdExpiresAt",
           (SELECT count(*)::int FROM "WaitlistEntry" o
             WHERE o."variantId" = w."variantId" AND o."status" = 'WAITING' AND (o."queuedAt", o."id") < (w."queuedAt", w."id")) AS "ahead"
      FROM "WaitlistEntry" w
     WHERE w."userId" = ${userId} AND w."variantId" = ANY(${[...variantIds]}::text[])`;
  for (const row of rows) {
    if (row.status === 'WAITING') states.set(row.variantId, { status: 'WAITING', position: row.ahead + 1 });
    else if (row.status === 'HELD' && row.holdExpiresAt && row.holdExpiresAt.getTime() > Date.now())
      states.set(row.variantId, { status: 'HELD', holdExpiresAt: row.holdExpiresAt.toISOString() });
    else if (row.status === 'BOUGHT') states.set(row.variantId, { status: 'BOUGHT' });
  }
  return states;
}

/**
 * Units held for this person, per variant (unexpired holds only): theirs to buy although the stock
 * no longer counts them. The bag adds them to the stock it shows and checks against.
 */
export async function heldUnits(db: Db, userId: string, variantIds: readonly string[]): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db.waitlistEntry.findMany({
    where: { userId, variantId: { in: [...variantIds] }, status: 'HELD', holdExpiresAt: { gt: new Date() } },
    select: { variantId: true },
  });
  return new Map(rows.map((r) => [r.variantId, 1]));
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Units held for people who did not buy in time go back to stock with a relative
 * UPDATE, which fires the restock trigger: the next person in line is offered each
 * unit first, and only what nobody waits for reaches the stock. Each variant's new
 * figure is recorded as `stock.changed` (viewers' cards and webhooks follow it).
 */
async function giveBack(tx: Tx, units: ReadonlyMap<string, number>): Promise<void> {
  for (const [variantId, count] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    const [before] = await tx.$queryRaw<{ stock: number }[]>`SELECT "stock" FROM "ProductVariant" WHERE "id" = ${variantId} FOR UPDATE`;
    const [row] = await tx.$queryRaw<{ productId: string; sku: string; stock: number; brandId: string }[]>`
      UPDATE "ProductVariant" v SET "stock" = v."stock" + ${count}::int
        FROM "Product" p WHERE v."id" = ${variantId} AND p."id" = v."productId"
      RETURNING v."productId", v."sku", v."stock", p."brandId"`;
    stockGate.forget(variantId);
    // A unit the next waiter took leaves the stock where it was: nothing for the cards to learn.
    if (row && before && row.stock !== before.stock) {
      await recordBrandEvent(tx, row.brandId, 'stock.changed', {
        variantId,
        productId: row.productId,
        sku: row.sku,
        stock: row.stock,
        previousStock: before.stock,
      });
    }
  }
}

/**
 * The sweep (server/effects, every few seconds): ends the holds whose time ran
 * out and gives their units back (see giveBack). Safe to run on every node at
 * once: an expiry is one conditional UPDATE, so each hold ends once, and a buyer
 * spending it at the same moment either got there first (BOUGHT) or finds it gone
 * and buys from stock like anyone else.
 */
export async function releaseExpiredHolds(db: Db): Promise<{ variantId: string; units: number }[]> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ variantId: string; units: number }[]>`
      WITH ended AS (
        UPDATE "WaitlistEntry" SET "status" = 'EXPIRED', "closedAt" = (now() AT TIME ZONE 'UTC')
         WHERE "id" IN (SELECT "id" FROM "WaitlistEntry" WHERE "status" = 'HELD' AND "holdExpiresAt" <= (now() AT TIME ZONE 'UTC')
                         ORDER BY "id" FOR UPDATE SKIP LOCKED)
        RETURNING "variantId")
      SELECT "variantId", count(*)::int AS "units" FROM ended GROUP BY "variantId"`;
    await giveBack(tx, new Map(expired.map((e) => [e.variantId, e.units])));
    return expired;
  });
}
