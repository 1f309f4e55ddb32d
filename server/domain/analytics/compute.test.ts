import { describe, expect, it } from 'vitest';
import { audienceFigures, bucketSizeMs, concurrentViewers, pinnedDurations, productFunnel, sumSeries, watchSessions } from './compute';

const MIN = 60_000;
const show = { start: 0, end: 10 * MIN };

describe('watch sessions', () => {
  it('a person with two tabs watches one stretch, from the first join to the last leave', () => {
    const sessions = watchSessions(
      [
        { viewer: 'user:a', kind: 'join', at: 1 * MIN },
        { viewer: 'user:a', kind: 'join', at: 2 * MIN },
        { viewer: 'user:a', kind: 'leave', at: 3 * MIN },
        { viewer: 'user:a', kind: 'leave', at: 4 * MIN },
      ],
      show,
    );
    expect(sessions).toEqual([{ viewer: 'user:a', start: 1 * MIN, end: 4 * MIN }]);
  });

  it('waiting before the show went live does not count, and a session still open ends with the show', () => {
    const sessions = watchSessions(
      [
        { viewer: 'user:a', kind: 'join', at: -5 * MIN },
        { viewer: 'user:a', kind: 'leave', at: 2 * MIN },
        { viewer: 'user:b', kind: 'join', at: 8 * MIN },
      ],
      show,
    );
    expect(sessions).toEqual([
      { viewer: 'user:a', start: 0, end: 2 * MIN },
      { viewer: 'user:b', start: 8 * MIN, end: 10 * MIN },
    ]);
  });

  it('a leave without a join is ignored', () => {
    expect(watchSessions([{ viewer: 'anon:x', kind: 'leave', at: MIN }], show)).toEqual([]);
  });

  it('average watch time is per person: two visits of one person add up', () => {
    const figures = audienceFigures([
      { viewer: 'user:a', start: 0, end: 2 * MIN },
      { viewer: 'user:a', start: 5 * MIN, end: 7 * MIN },
      { viewer: 'user:b', start: 0, end: 6 * MIN },
    ]);
    expect(figures).toEqual({ unique: 2, averageWatchMs: 5 * MIN });
  });
});

describe('viewers at once', () => {
  it('each bucket holds the most people watching at the same moment within it', () => {
    const series = concurrentViewers(
      [
        { viewer: 'a', start: 0, end: 3 * MIN },
        { viewer: 'b', start: 1.5 * MIN, end: 2.5 * MIN },
        { viewer: 'c', start: 2.2 * MIN, end: 10 * MIN },
      ],
      show,
      MIN,
    );
    expect(series).toEqual([1, 2, 3, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('a reconnect at the same instant is not counted as two viewers', () => {
    const series = concurrentViewers(
      [
        { viewer: 'a', start: 0, end: 5 * MIN },
        { viewer: 'a', start: 5 * MIN, end: 10 * MIN },
      ],
      show,
      MIN,
    );
    expect(Math.max(...series)).toBe(1);
  });

  it('a long show gets about 120 points, in whole minutes', () => {
    expect(bucketSizeMs({ start: 0, end: 30 * MIN })).toBe(MIN);
    expect(bucketSizeMs({ start: 0, end: 6 * 60 * MIN })).toBe(3 * MIN);
  });

  it('counts fall into their bucket; those outside the show are left out', () => {
    const points = [-1, 0, 30_000, MIN, 10 * MIN, 11 * MIN].map((at) => ({ at, value: 2 }));
    expect(sumSeries(points, show, MIN)).toEqual([4, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});

describe('the product funnel', () => {
  it('a pin lasts until the next pin, an unpin or the end of the show', () => {
    const pinned = pinnedDurations(
      [
        { productId: 'p1', action: 'PIN', at: 1 * MIN },
        { productId: 'p2', action: 'PIN', at: 3 * MIN },
        { productId: 'p2', action: 'UNPIN', at: 4 * MIN },
        { productId: 'p1', action: 'PIN', at: 8 * MIN },
      ],
      show,
    );
    expect(Object.fromEntries(pinned)).toEqual({ p1: 4 * MIN, p2: MIN });
  });

  it('a one-tap buyer who never opened the card still counts as interested; conversion is buyers over the interested', () => {
    const row = productFunnel({
      productId: 'p1',
      title: 'Scarf',
      pinnedMs: MIN,
      tapped: new Set(['user:a', 'anon:1', 'anon:2']),
      addedToBag: new Set(['user:a']),
      bought: new Set(['user:a', 'user:b']),
      units: 3,
    });
    expect(row).toMatchObject({ tapped: 4, addedToBag: 1, bought: 2, units: 3, conversion: 0.5 });
  });

  it('a product nobody touched has no conversion rather than zero over zero', () => {
    const none = new Set<string>();
    expect(
      productFunnel({ productId: 'p', title: 't', pinnedMs: 0, tapped: none, addedToBag: none, bought: none, units: 0 }).conversion,
    ).toBeNull();
  });
});
