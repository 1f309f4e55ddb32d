// What a buyer may still do with an order, from its status and dates alone. The order page, the
// help box and the actions themselves read the same rules, so a button is offered exactly when the
// action would be accepted (the actions check again under the order's row lock).
import type { OrderStatus } from '../../db/client';

/** The brand has not started packing: the parcel's address can still change. */
const ADDRESS_CHANGEABLE: ReadonlySet<OrderStatus> = new Set(['PLACED', 'PAID']);
const BUYER_CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PLACED', 'PAID']);
const DAY_MS = 86_400_000;

export interface OrderHelpFacts {
  status: OrderStatus;
  deliveredAt: Date | null;
  returnRequested: boolean;
  returnWindowDays: number;
}

export type ReturnRefusal = 'RETURN_NOT_DELIVERED' | 'RETURN_WINDOW_CLOSED' | 'RETURN_ALREADY_REQUESTED';

export function canChangeAddress(status: OrderStatus): boolean {
  return ADDRESS_CHANGEABLE.has(status);
}

export function canCancel(status: OrderStatus): boolean {
  return BUYER_CANCELLABLE.has(status);
}

/** The last moment a return may be asked for, or null before delivery. */
export function returnDeadline(facts: Pick<OrderHelpFacts, 'deliveredAt' | 'returnWindowDays'>): Date | null {
  return facts.deliveredAt ? new Date(facts.deliveredAt.getTime() + facts.returnWindowDays * DAY_MS) : null;
}

/** Why a return cannot be asked for now, or null when it can. */
export function returnRefusal(facts: OrderHelpFacts, now: Date): ReturnRefusal | null {
  if (facts.returnRequested) return 'RETURN_ALREADY_REQUESTED';
  if (facts.status !== 'DELIVERED') return 'RETURN_NOT_DELIVERED';
  const deadline = returnDeadline(facts);
  if (!deadline || now.getTime() > deadline.getTime()) return 'RETURN_WINDOW_CLOSED';
  return null;
}
