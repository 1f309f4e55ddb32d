import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawPool, drawWinners, seedCommitment, verifyDraw } from './fair-draw';

const seed = 'a3'.repeat(32);
const entries = Array.from({ length: 40 }, (_, i) => createHash('sha256').update(`entry ${i}`).digest('hex').slice(0, 16));

describe('the giveaway draw (fair-draw.ts, docs/giveaways.md)', () => {
  it('commits to the seed with the SHA-256 of its bytes, as Node computes it', async () => {
    const bytes = randomBytes(32);
    expect(await seedCommitment(bytes.toString('hex'))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('draws the same winners from the same seed whatever order the entries are listed in', async () => {
    const winners = await drawWinners(seed, entries, 3);
    expect(winners).toHaveLength(3);
    expect(new Set(winners).size).toBe(3);
    expect(await drawWinners(seed, [...entries].reverse(), 3)).toEqual(winners);
  });

  it('never draws more winners than entries, and nobody twice', async () => {
    expect((await drawWinners(seed, entries.slice(0, 2), 5)).sort()).toEqual(drawPool(entries.slice(0, 2)));
    expect(await drawWinners(seed, [], 3)).toEqual([]);
    expect(await drawWinners(seed, ['x', 'x', 'x'], 2)).toEqual(['x']);
  });

  it('picks every entry about equally often over many seeds (no position is favoured)', async () => {
    const pool = ['a', 'b', 'c', 'd', 'e'];
    const wins = new Map(pool.map((p) => [p, 0]));
    for (let i = 0; i < 1000; i++) {
      const [winner] = await drawWinners(createHash('sha256').update(String(i)).digest('hex'), pool, 1);
      wins.set(winner!, wins.get(winner!)! + 1);
    }
    // 200 expected each; ±60 is over four standard deviations.
    for (const count of wins.values()) expect(Math.abs(count - 200)).toBeLessThan(60);
  });

  it('a published draw re-verifies from its public data alone; another seed or entry list is detected', async () => {
    const commitment = createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex');
    const winners = await drawWinners(seed, entries, 2);
    const published = { commitment, seedHex: seed, entries, winnerCount: 2, winners };
    expect(await verifyDraw(published)).toMatchObject({ commitmentMatches: true, winnersMatch: true });

    const otherSeed = await verifyDraw({ ...published, seedHex: 'b4'.repeat(32) });
    expect(otherSeed.commitmentMatches).toBe(false);

    // An entry list edited after the draw (one entry swapped for another) gives other winners.
    const edited = [...entries.filter((e) => e !== winners[0]), 'ffffffffffffffff'];
    expect((await verifyDraw({ ...published, entries: edited })).winnersMatch).toBe(false);
  });
});
