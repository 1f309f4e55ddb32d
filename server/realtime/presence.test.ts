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

  it('remembers the most viewers at once and every distinct viewer, after they leave', () => {
    const presence = new ShowPresence(() => undefined);
    presence.add('s1', 'user:a');
    presence.add('s1', 'user:a');
    presence.add('s1', 'user:b');
    presence.remove('s1', 'user:b');
    presence.add('s1', 'user:c');
    presence.remove('s1', 'user:a');
    presence.remove('s1', 'user:a');
    expect(presence.audience('s1')).toEqual({ peak: 2, unique: 3 });
    presence.forget('s1');
    expect(presence.audience('s1')).toEqual({ peak: 0, unique: 0 });
    presence.close();
  });
});
