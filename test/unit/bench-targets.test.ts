import { describe, expect, it } from 'vitest';
import { evaluate } from '../../bench/support/evaluate';
import type { BenchResult } from '../../bench/support/results';
import { MIN_SAMPLES_FOR_PERCENTILE, TARGETS, type Target } from '../../bench/targets';

const result = (figures: BenchResult['figures']): BenchResult => ({
  benchmark: 'b',
  revision: 'abc1234',
  dirty: false,
  anchor: 'run-b',
  figures,
});
const p99: Target = { benchmark: 'b', figure: 'ack p99 app/reference', when: { buyers: 1000 }, atMost: 1.5, source: 'test' };

describe('benchmark targets', () => {
  it('a percentile from fewer than 20 samples is not measured, whatever its value', () => {
    const target: Target = { benchmark: 'b', figure: 'ttff p50', atMost: 1000, source: 'test' };
    const [few] = evaluate([target], [result([{ name: 'ttff p50', value: 10, unit: 'ms', samples: 5 }])], MIN_SAMPLES_FOR_PERCENTILE);
    const [enough] = evaluate([target], [result([{ name: 'ttff p50', value: 10, unit: 'ms', samples: 20 }])], MIN_SAMPLES_FOR_PERCENTILE);
    expect(few!.verdict).toBe('not measured');
    expect(enough!.verdict).toBe('met');
  });

  it('a target no figure matches is not measured (a small run does not meet a 1,000-buyer target)', () => {
    const [e] = evaluate([p99], [result([{ name: 'ack p99 app/reference', value: 1, unit: '×', params: { buyers: 100 } }])], 20);
    expect(e!.verdict).toBe('not measured');
  });

  it('a ratio over its bound is missed and one within it is met', () => {
    const evaluations = evaluate(
      [p99, { ...p99, figure: 'orders/s app/reference', atMost: undefined, atLeast: 0.7 }],
      [
        result([
          { name: 'ack p99 app/reference', value: 1.6, unit: '×', params: { buyers: 1000 } },
          { name: 'orders/s app/reference', value: 0.7, unit: '×', params: { buyers: 1000 } },
        ]),
      ],
      20,
    );
    expect(evaluations.map((e) => e.verdict)).toEqual(['missed', 'met']);
  });

  it('the targets hold the purchase ratios of issue 14 for 1,000 buyers on 100 and on 1,000 units', () => {
    for (const units of [100, 1000]) {
      const of = (figure: string) => TARGETS.find((t) => t.figure === figure && t.when?.buyers === 1000 && t.when?.units === units);
      expect(of('ack p99 app/reference')?.atMost).toBe(1.5);
      expect(of('orders/s app/reference')?.atLeast).toBe(0.7);
    }
  });
});
