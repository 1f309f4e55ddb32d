// Every benchmark hands its figures to the runner (bench/run.ts) in this form;
// the runner compares them with bench/targets.ts. A figure carries the run's
// parameters (buyers, units, viewers …) that targets select on, and the number
// of samples behind it where it is a percentile.
import { appendFileSync } from 'node:fs';

export type Params = Record<string, number | string>;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  params?: Params;
  /** how many samples a percentile was taken from */
  samples?: number;
}

export interface BenchResult {
  benchmark: string;
  revision: string;
  dirty: boolean;
  /** the anchor of the run's section in docs/benchmarks.md */
  anchor: string;
  figures: Figure[];
}

/** Writes the result as one JSON line to BENCH_RESULT_FILE (set by the runner); a no-op otherwise. */
export function emitResult(result: BenchResult): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}
