import { describe, expect, it } from 'vitest';
import { ENGLISH_ITEMS_WORDS, formatItemsSummary, refundState, statusLabels, timelineEntries, type TimelineEvent } from './order-display';
import { formatLabelledTime } from '../zoned-time';

const items = (...lines: [string, number][]) => lines.map(([title, quantity]) => ({ title, quantity }));
const name = (...lines: [string, number][]) => formatItemsSummary(items(...lines), ENGLISH_ITEMS_WORDS);

describe('order items in one line', () => {
  it('names one serum and one moisturiser, instead of "2 × Dewy Glow Serum + 1 more (2 items)"', () => {
    expect(name(['Dewy Glow Serum', 1], ['Barrier Moisturiser', 1])).toBe('Dewy Glow Serum, Barrier Moisturiser');
  });

  it('puts a quantity only on lines of more than one', () => {
    expect(name(['Dewy Glow Serum', 2], ['Barrier Moisturiser', 1])).toBe('Dewy Glow Serum ×2, Barrier Moisturiser');
    expect(name(['Dewy Glow Serum', 1])).toBe('Dewy Glow Serum');
    expect(name(['Dewy Glow Serum', 3])).toBe('Dewy Glow Serum ×3');
  });

  it('names the first of three products and counts the other units', () => {
    expect(name(['Dewy Glow Serum', 2], ['Barrier Moisturiser', 1], ['Gentle Cleanser', 1])).toBe('Dewy Glow Serum ×2 and 2 other items');
    expect(name(['Dewy Glow Serum', 1], ['Barrier Moisturiser', 1], ['Gentle Cleanser', 1], ['Lip Balm', 3])).toBe(
      'Dewy Glow Serum and 5 other items',
    );
  });

  it('counts two variants of one product as that product', () => {
    expect(name(['Dewy Glow Serum', 1], ['Dewy Glow Serum', 1], ['Barrier Moisturiser', 1])).toBe(
      'Dewy Glow Serum ×2, Barrier Moisturiser',
    );
  });

  it('says "1 other item" in the singular', () => {
    expect(name(['Dewy Glow Serum', 2], ['Barrier Moisturiser', 1], ['Gentle Cleanser', 0])).toBe('Dewy Glow Serum ×2 and 1 other item');
    expect(ENGLISH_ITEMS_WORDS.andOthers('Dewy Glow Serum ×2', 1)).toBe('Dewy Glow Serum ×2 and 1 other item');
  });
});

describe('order status label', () => {
  const paid = { status: 'PAID' as const, totalMinor: 4200 };
  it('reads "Partially refunded" when part of a paid order is refunded', () => {
    expect(statusLabels({ ...paid, refundedMinor: 1250 })).toEqual(['PARTIALLY_REFUNDED']);
    expect(refundState({ ...paid, refundedMinor: 1250 })).toBe('PARTIAL');
  });

  it('keeps the fulfilment step beside a partial refund', () => {
    expect(statusLabels({ status: 'SHIPPED', totalMinor: 4200, refundedMinor: 1 })).toEqual(['SHIPPED', 'PARTIALLY_REFUNDED']);
  });

  it('reads "Refunded" when everything is paid back, and the plain status when nothing is', () => {
    expect(statusLabels({ ...paid, refundedMinor: 4200 })).toEqual(['REFUNDED']);
    expect(statusLabels({ status: 'REFUNDED', totalMinor: 4200, refundedMinor: 4200 })).toEqual(['REFUNDED']);
    expect(statusLabels({ ...paid, refundedMinor: 0 })).toEqual(['PAID']);
    expect(refundState({ ...paid, refundedMinor: 0 })).toBe('NONE');
    expect(statusLabels({ status: 'CANCELLED', totalMinor: 4200, refundedMinor: 4200 })).toEqual(['CANCELLED']);
  });
});

describe('order timeline', () => {
  const at = new Date('2026-12-06T07:05:00Z');
  const event = (e: Partial<TimelineEvent>): TimelineEvent => ({
    id: 'e',
    status: 'PAID',
    refundMinor: 0,
    reason: '',
    createdAt: at,
    ...e,
  });

  it('shows a partial refund as a refund with its reason, not as a second "Paid"', () => {
    const entries = timelineEntries([
      event({ id: 'paid' }),
      event({ id: 'refund', status: 'PAID', refundMinor: 1250, reason: ' Scratched box ' }),
    ]);
    expect(entries).toEqual([
      { id: 'paid', at, kind: 'status', status: 'PAID' },
      { id: 'refund', at, kind: 'refund', amountMinor: 1250, reason: 'Scratched box', cancelled: false },
    ]);
  });

  it('keeps a cancellation that paid money back as a cancelled refund', () => {
    expect(timelineEntries([event({ status: 'CANCELLED', refundMinor: 4200, reason: 'Cancelled by the buyer' })])[0]).toMatchObject({
      kind: 'refund',
      cancelled: true,
      amountMinor: 4200,
    });
    expect(timelineEntries([event({ status: 'CANCELLED' })])[0]).toMatchObject({ kind: 'status', status: 'CANCELLED' });
  });
});

describe('order times', () => {
  it('show the viewer’s zone, named: 14:05 in Bangkok for 07:05 UTC', () => {
    expect(formatLabelledTime(new Date('2026-12-06T07:05:00Z'), 'en-GB', 'Asia/Bangkok')).toBe('6 Dec 2026, 14:05 GMT+7');
    expect(formatLabelledTime(new Date('2026-12-06T07:05:00Z'), 'en-GB', 'UTC')).toBe('6 Dec 2026, 07:05 UTC');
  });
});
