// The runner's comparison of reported figures with targets, apart from the runner
// so it can be tested without running a benchmark.
import type { Target } from '../targets';
import type { BenchResult, Figure, Params } from './results';

export type Verdict = 'met' | 'missed' | 'not measured';

export interface Evaluation {
  target: Target;
  figure?: Figure;
  result?: BenchResult;
  verdict: Verdict;
  why?: string;
}

const matches = (figure: Figure, when: Params | undefined) => Object.entries(when ?? {}).every(([k, v]) => figure.params?.[k] === v);

/** One evaluation per matching figure; a target no figure matches is "not measured". */
export function evaluate(targets: Target[], results: BenchResult[], minSamples: number): Evaluation[] {
  return targets.flatMap((target): Evaluation[] => {
    const result = results.find((r) => r.benchmark === target.benchmark);
    const figures = result?.figures.filter((f) => f.name === target.figure && matches(f, target.when)) ?? [];
    if (figures.length === 0) return [{ target, result, verdict: 'not measured', why: 'no figure' }];
    return figures.map((figure) => {
      if (figure.samples !== undefined && figure.samples < minSamples)
        return { target, figure, result, verdict: 'not measured', why: `${figure.samples} samples` };
      const met =
        (target.atMost === undefined || figure.value <= target.atMost) && (target.atLeast === undefined || figure.value >= target.atLeast);
      return { target, figure, result, verdict: met ? 'met' : 'missed' };
    });
  });
}
