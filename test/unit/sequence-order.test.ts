import { afterEach, describe, expect, it, vi } from 'vitest';
import { SequenceOrder } from '../../app/_lib/sequence-order';

type Item = { seq: number };

function follow(waitMs = 300) {
  let last = 0;
  const applied: number[] = [];
  let gaps = 0;
  const order = new SequenceOrder<Item>(
    (item) => {
      applied.push(item.seq);
      last = item.seq;
    },
    () => gaps++,
    waitMs,
  );
  return { offer: (seq: number) => order.offer({ seq }, last), applied, gaps: () => gaps, order };
}

describe('a show’s numbered broadcasts on the client', () => {
  afterEach(() => vi.useRealTimers());

  it('two broadcasts that arrive swapped (7 before 6, as from two nodes) are applied in order without a snapshot', () => {
    vi.useFakeTimers();
    const channel = follow();
    for (const seq of [1, 2, 3, 4, 5, 7, 6, 8]) channel.offer(seq);
    vi.advanceTimersByTime(1_000);
    expect(channel.applied).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(channel.gaps()).toBe(0);
  });

  it('a number that never arrives is a gap: a snapshot is asked for once, and the held broadcasts are handed back for it', () => {
    vi.useFakeTimers();
    const channel = follow();
    for (const seq of [1, 3, 4]) channel.offer(seq);
    expect(channel.applied).toEqual([1]);
    vi.advanceTimersByTime(299);
    expect(channel.gaps()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(channel.gaps()).toBe(1);
    expect(channel.order.drain().map((i) => i.seq)).toEqual([3, 4]);
  });

  it('ignores what it has already applied', () => {
    const channel = follow();
    for (const seq of [1, 2, 2, 1, 3]) channel.offer(seq);
    expect(channel.applied).toEqual([1, 2, 3]);
  });
});
