// How an order reads to people: its status label, its items in one line and
// its timeline. Pure functions, importable by client components, so the buyer's
// pages, the brand's table, the CSV, the API and the emails all say the same.
import type { OrderStatus } from '../../db/client';

/** How much of an order's total has been paid back. */
export type RefundState = 'NONE' | 'PARTIAL' | 'FULL';

export function refundState(order: { refundedMinor: number; totalMinor: number }): RefundState {
  if (order.refundedMinor <= 0) return 'NONE';
  return order.refundedMinor >= order.totalMinor ? 'FULL' : 'PARTIAL';
}

/** A status people read: the stored status, or "Partially refunded" which the database does not store. */
export type StatusLabel = OrderStatus | 'PARTIALLY_REFUNDED';

/**
 * The labels of an order's badge, joined with " · " when there are two.
 * Partial refunds keep the fulfilment status (the order still ships), so the
 * label is derived rather than a status of its own: "Partially refunded" for a
 * paid order, "Shipped · Partially refunded" once it moved on. A full refund
 * reads "Refunded" and a cancellation "Cancelled", whatever was paid back.
 */
export function statusLabels(order: { status: OrderStatus; refundedMinor: number; totalMinor: number }): StatusLabel[] {
  if (order.status === 'CANCELLED' || order.status === 'REFUNDED' || order.status === 'PLACED') return [order.status];
  const state = refundState(order);
  if (state === 'NONE') return [order.status];
  if (state === 'FULL') return ['REFUNDED'];
  return order.status === 'PAID' ? ['PARTIALLY_REFUNDED'] : [order.status, 'PARTIALLY_REFUNDED'];
}

export interface ItemLine {
  title: string;
  quantity: number;
}

/**
 * An order's items in one line. Two products or fewer are all named
 * ("Dewy Glow Serum ×2, Barrier Moisturiser"); beyond that the first is named
 * and the rest counted in units ("Dewy Glow Serum ×2 and 3 other items").
 * Lines with the same title (two variants) count as one product.
 */
export type ItemsSummary = { kind: 'all'; lines: ItemLine[] } | { kind: 'first'; first: ItemLine; otherUnits: number };

export function summarizeItems(items: readonly ItemLine[]): ItemsSummary {
  const merged: ItemLine[] = [];
  for (const item of items) {
    const same = merged.find((m) => m.title === item.title);
    if (same) same.quantity += item.quantity;
    else merged.push({ title: item.title, quantity: item.quantity });
  }
  if (merged.length <= 2) return { kind: 'all', lines: merged };
  const [first, ...rest] = merged as [ItemLine, ...ItemLine[]];
  return { kind: 'first', first, otherUnits: rest.reduce((n, line) => n + line.quantity, 0) };
}

/** The few words a summary needs, from the dictionaries (or English for CSV and email). */
export interface ItemsWords {
  /** "{title} ×{count}" */
  line: (title: string, count: number) => string;
  separator: string;
  /** "{first} and {count} other item(s)" */
  andOthers: (first: string, count: number) => string;
}

export function formatItemsSummary(items: readonly ItemLine[], words: ItemsWords): string {
  const summary = summarizeItems(items);
  const line = (l: ItemLine) => (l.quantity > 1 ? words.line(l.title, l.quantity) : l.title);
  if (summary.kind === 'all') return summary.lines.map(line).join(words.separator);
  return words.andOthers(line(summary.first), summary.otherUnits);
}

export const ENGLISH_ITEMS_WORDS: ItemsWords = {
  line: (title, count) => `${title} ×${count}`,
  separator: ', ',
  andOthers: (first, count) => `${first} and ${count} other ${count === 1 ? 'item' : 'items'}`,
};

export interface TimelineEvent {
  id: string;
  status: OrderStatus;
  refundMinor: number;
  reason: string;
  createdAt: Date;
}

/** One line of an order's history: a step reached, or money paid back (with the reason, when one was given). */
export type TimelineEntry =
  | { id: string; at: Date; kind: 'status'; status: OrderStatus }
  | { id: string; at: Date; kind: 'refund'; amountMinor: number; reason: string; cancelled: boolean };

/**
 * A refund is recorded as an event carrying the order's status at the time,
 * which read as a second "Paid"; it is shown as what it was instead.
 */
export function timelineEntries(events: readonly TimelineEvent[]): TimelineEntry[] {
  return events.map((e) => {
    if (e.refundMinor > 0)
      return {
        id: e.id,
        at: e.createdAt,
        kind: 'refund',
        amountMinor: e.refundMinor,
        reason: e.reason.trim(),
        cancelled: e.status === 'CANCELLED',
      };
    return { id: e.id, at: e.createdAt, kind: 'status', status: e.status };
  });
}

/** What a cancellation would still pay back. */
export function leftToRefund(order: { refundedMinor: number; totalMinor: number }): number {
  return Math.max(0, order.totalMinor - order.refundedMinor);
}
