import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowPresence } from './presence';

describe('ShowPresence', () => {
  afterEach(() => vi.useRealTimers());

  it('counts a person with several tabs once and forgets them when the last tab leaves', () => {
    const presence = new ShowPresence(() => undefined);
    presence.add('s1', 'user:a');
    presence.add('s1', 'user:a');
    presence.add('s1', 'anon:x');
    expect(presence.count('s1')).toBe(2);
    presence.remove('s1', 'user:a');
    expect(presence.count('s1')).toBe(2);
    presence.remove('s1', 'user:a');
    expect(presence.count('s1')).toBe(1);
    presence.close();
  });

  it('broadcasts a burst of joins as one event carrying the final count', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const presence = new ShowPresence((_, count) => sent.push(count), 1000);
    for (let i = 0; i < 100; i++) presence.add('s1', `anon:${i}`);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([100]);
    presence.close();
  });
});
