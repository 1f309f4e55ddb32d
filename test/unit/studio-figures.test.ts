import { describe, expect, it } from 'vitest';
import { micLevel } from '../../app/_lib/studio-figures';

describe('micLevel', () => {
  it('is 0 for silence and 100 for a full-scale signal', () => {
    expect(micLevel(new Uint8Array(64).fill(128))).toBe(0);
    expect(micLevel(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 255)))).toBeGreaterThanOrEqual(99);
    expect(micLevel([])).toBe(0);
  });

  it('puts quiet speech clearly above zero', () => {
    expect(micLevel(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 120 : 136)))).toBeGreaterThan(20);
  });
});
