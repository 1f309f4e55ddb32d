// A giveaway winner's prize: an order of one unit at price 0, through the same
// tables, confirmation, events and receipt as any order (reserve_prize_order in
// migration 20261208120000_engagement_formats, then confirm_order). No card is
// needed and nothing is charged; the address is the winner's default one.
import { randomUUID } from 'node:crypto';
import { rawQuery } from '../../db/raw';
import type { Actor, Db } from '../context';
import { confirmOrder, type OrderFacts, type OrderRefusal } from './order-pipeline';

export type PrizeOrderResult =
  | { outcome: 'ORDERED'; orderId: string; orderNumber: number; stockAfter: { variantId: string; productId: string; stock: number }[] }
  | { outcome: 'NO_ADDRESS' | 'SOLD_OUT' | 'UNAVAILABLE' };

/** Idempotent per `key` (one per giveaway and winner): a repeat answers the first order. */
export async function placePrizeOrder(
  db: Db,
  winner: Pick<Actor, 'userId' | 'locale'>,
  request: { showId: string; variantId: string; key: string },
): Promise<PrizeOrderResult> {
  const [row] = await rawQuery<{ r: ({ outcome: 'RESERVED' | 'REPLAY' } & OrderFacts) | OrderRefusal }>(
    db,
    'SELECT "reserve_prize_order"($1, $2, $3, $4, $5) AS r',
    [randomUUID(), winner.userId, request.showId, request.variantId, request.key],
  );
  const answer = row!.r;
  if (answer.outcome === 'NO_ADDRESS' || answer.outcome === 'SOLD_OUT') return { outcome: answer.outcome };
  if (answer.outcome !== 'RESERVED' && answer.outcome !== 'REPLAY') return { outcome: 'UNAVAILABLE' };
  // A replay of an order still PLACED is a confirmation a crash interrupted: finish it now.
  if (answer.orderStatus === 'PLACED') await confirmOrder(db, winner, answer, 'giveaway', `giveaway:${request.key}`);
  return { outcome: 'ORDERED', orderId: answer.orderId, orderNumber: answer.orderNumber, stockAfter: answer.stockAfter ?? [] };
}
