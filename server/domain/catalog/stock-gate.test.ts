import { describe, expect, it } from 'vitest';
import { StockGate } from './stock-gate';

describe('StockGate', () => {
  it('lets every tap through until the database has spoken, then only as many as there are units', () => {
    const now = 0;
    const gate = new StockGate(1000, () => now);
    expect([gate.admit('v', 1), gate.admit('v', 1)]).toEqual([true, true]); // no knowledge yet
    gate.settle('v', 1, 2); // the database sold one, two left
    expect([gate.admit('v', 1), gate.admit('v', 1), gate.admit('v', 1)]).toEqual([true, false, false]); // one still in flight + one
    gate.settle('v', 1, 1);
    gate.settle('v', 1, 0);
    expect(gate.admit('v', 1)).toBe(false);
  });

  it('forgets what it saw after its freshness window, so a restock is honoured', () => {
    let now = 0;
    const gate = new StockGate(1000, () => now);
    gate.admit('v', 1);
    gate.settle('v', 1, 0);
    expect(gate.admit('v', 1)).toBe(false);
    now = 1001;
    expect(gate.admit('v', 1)).toBe(true);
  });

  it('honours a restock at once when told to forget', () => {
    const gate = new StockGate(1000, () => 0);
    gate.admit('v', 1);
    gate.settle('v', 1, 0);
    expect(gate.admit('v', 1)).toBe(false);
    gate.forget('v');
    expect(gate.admit('v', 1)).toBe(true);
  });

  it('returns the units of a tap that failed without a stock figure (a declined card)', () => {
    const now = 0;
    const gate = new StockGate(1000, () => now);
    gate.admit('v', 1);
    gate.settle('v', 1, 1); // one left
    expect(gate.admit('v', 1)).toBe(true);
    expect(gate.admit('v', 1)).toBe(false);
    gate.settle('v', 1, null); // that tap's card was declined
    expect(gate.admit('v', 1)).toBe(true);
  });

  it('while a tap it knew nothing for is at the database, the next taps wait for its answer: after the last unit they are refused without asking', async () => {
    const gate = new StockGate(1000, () => 0);
    expect(gate.decided('v')).toBeUndefined();
    expect(gate.admit('v', 1)).toBe(true); // the probe
    const waiting = gate.decided('v');
    expect(waiting).toBeInstanceOf(Promise);
    let released = false;
    void waiting!.then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    gate.settle('v', 1, 0); // the database sold the last unit
    await waiting;
    expect(gate.decided('v')).toBeUndefined();
    expect([gate.admit('v', 1), gate.admit('v', 1)]).toEqual([false, false]);
  });

  it('a probe that failed without a figure (a declined card) releases its waiters to the database', async () => {
    const gate = new StockGate(1000, () => 0);
    gate.admit('v', 1);
    const waiting = gate.decided('v')!;
    gate.settle('v', 1, null);
    await waiting;
    expect(gate.admit('v', 1)).toBe(true);
  });

  it('once its figure is stale, holds the next taps for a probe only when that figure left nothing: with units left they go straight on', () => {
    let now = 0;
    const gate = new StockGate(1000, () => now);
    gate.admit('v', 1);
    gate.settle('v', 1, 40);
    now = 2000; // stale, 40 left when last seen
    expect(gate.admit('v', 1)).toBe(true);
    expect(gate.decided('v')).toBeUndefined();
    gate.settle('v', 1, 0);
    now = 4000; // stale, none left when last seen
    expect(gate.admit('v', 1)).toBe(true);
    expect(gate.decided('v')).toBeInstanceOf(Promise);
  });
});
