import { describe, expect, it } from 'vitest';
import { ReactionAggregator } from './reactions';

describe('ReactionAggregator', () => {
  it('turns a storm of taps into one broadcast of counts per show per tick', () => {
    const sent: [string, object][] = [];
    const reactions = new ReactionAggregator((showId, counts) => sent.push([showId, counts]), 60_000);
    for (let i = 0; i < 1000; i++) reactions.add('s1', 'heart', 1);
    reactions.add('s1', 'fire', 3);
    reactions.add('s2', 'clap', 2);
    reactions.tick();
    expect(sent).toEqual([
      ['s1', { heart: 1000, fire: 3 }],
      ['s2', { clap: 2 }],
    ]);
    reactions.tick();
    expect(sent).toHaveLength(2); // nothing new, nothing sent
    reactions.close();
  });
});
