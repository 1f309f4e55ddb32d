// `npm run bench`: runs every benchmark (or those named as arguments), collects
// the figures each reports (bench/support/results.ts) and compares them with
// bench/targets.ts. Exits 1 when a target is missed, not measured (no figure, or a
// percentile from too few samples) or a benchmark failed; 2 on a dirty tree,
// whose figures could not be cited (BENCH_ALLOW_DIRTY=1 runs anyway, marked).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitRevision, table } from './support/harness';
import { evaluate } from './support/evaluate';
import type { BenchResult, Params } from './support/results';
import { MIN_SAMPLES_FOR_PERCENTILE, TARGETS, type Target } from './targets';

const ALL = [
  'purchase-storm',
  'chat-fanout',
  'chat-cluster',
  'page-weight',
  'media-fanout',
  'media-pipe',
  'glass-to-glass',
  'swipe-feed',
  'auction-storm',
  'recording-cpu',
  'hls-glass',
  'replay-first-frame',
  'assistant-eval',
];
const names = process.argv.slice(2).length ? process.argv.slice(2) : ALL;

const tree = gitRevision();
if (tree.dirty && process.env.BENCH_ALLOW_DIRTY !== '1') {
  console.error(
    `The tree has uncommitted changes: figures from it could not be traced to a revision. Commit first, or set BENCH_ALLOW_DIRTY=1 to run anyway (the runs are marked "dirty tree").`,
  );
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
const failed: string[] = [];
const results: BenchResult[] = [];
for (const name of names) {
  const file = path.join(dir, `${name}.jsonl`);
  console.log(`\n▶ ${name}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_RESULT_FILE: file },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) failed.push(`${name} (exit ${code})`);
  if (existsSync(file))
    results.push(
      ...readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as BenchResult),
    );
}
rmSync(dir, { recursive: true, force: true });

const describe = (when?: Params) =>
  Object.entries(when ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'every run';
const bound = (t: Target) =>
  [t.atMost !== undefined ? `≤ ${t.atMost}` : '', t.atLeast !== undefined ? `≥ ${t.atLeast}` : ''].filter(Boolean).join(' and ');

const evaluations = evaluate(
  TARGETS.filter((t) => names.includes(t.benchmark)),
  results,
  MIN_SAMPLES_FOR_PERCENTILE,
);
const missed = evaluations.filter((e) => e.verdict !== 'met').length;
const rows = evaluations.map((e) => [
  e.target.benchmark,
  e.target.figure,
  describe(e.figure?.params ?? e.target.when),
  bound(e.target),
  e.figure ? `${Number(e.figure.value.toFixed(2))} ${e.figure.unit}` : '—',
  `${e.verdict === 'met' ? 'met' : e.verdict.toUpperCase()}${e.why && e.figure ? ` (${e.why})` : ''}${e.result?.dirty ? ' (dirty tree)' : ''}`,
  e.result && e.figure ? `${e.result.revision} #${e.result.anchor}` : '',
]);
console.log(`\n${table(['benchmark', 'figure', 'run', 'target', 'measured', 'verdict', 'recorded at'], rows)}\n`);
for (const f of failed) console.log(`benchmark failed: ${f}`);
const ok = missed === 0 && failed.length === 0;
console.log(ok ? 'Every target met.' : `${missed} target(s) missed or not measured, ${failed.length} benchmark(s) failed.`);
process.exit(ok ? 0 : 1);
