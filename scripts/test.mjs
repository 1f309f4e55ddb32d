// `npm test`: the whole suite, as CI runs it. Installs what it needs first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { log, run } from './lib/run.mjs';
import { runUnderRequiredNode } from './lib/node-runtime.mjs';

const bin = (name) => path.join(projectRoot, 'node_modules', '.bin', name);
const TSC = path.join(projectRoot, 'node_modules', 'typescript-7', 'bin', 'tsc');
const reports = path.join(projectRoot, 'test-results');
await runUnderRequiredNode();
// A test run leaves the tree as it found it (no rewritten lock file, screenshots, ...).
const treeBefore = await gitStatus();
const env = await bootstrap({ forTests: true });
rmSync(reports, { recursive: true, force: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = [];
async function step(name, fn) {
  log(`▶ ${name}`);
  const started = performance.now();
  try {
    await fn();
  } catch (error) {
    failures.push(name);
    console.error(error instanceof Error ? error.message : error);
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  timings.push(`${name} ${seconds} s`);
  log(`${failures.includes(name) ? '✗' : '✓'} ${name} (${seconds} s)`);
}
/**
 * Like run(), but the output is held back and printed in one piece when the command ends:
 * the checks below run side by side, and their reports must not interleave.
 */
function runHeldBack(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.stdout.write(Buffer.concat(chunks));
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
/** `git status --porcelain`, or null outside a git checkout. */
async function gitStatus() {
  try {
    return await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: projectRoot, quiet: true });
  } catch {
    return null;
  }
}
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function countVitest(file) {
  const vitest = readJson(path.join(reports, file));
  if (!vitest) return;
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const vitestArgs = (projects, report) => [
  'run',
  ...projects.flatMap((name) => ['--project', name]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(reports, report)}`,
];

// Two paths side by side, sampled once a second through a whole run: Vitest's media files (one at a time,
// vitest.config.ts) spent about a quarter of their time waiting on timers and media with both cores nearly
// idle, so they run beside the checks and the database files instead of after them. Their report is held
// back and printed in one piece when they end, so the two runs' lines do not interleave.
await Promise.all([
  step('media tests (vitest, one file at a time)', async () => {
    try {
      await runHeldBack(bin('vitest'), vitestArgs(['media'], 'vitest-media.json'));
    } finally {
      countVitest('vitest-media.json');
    }
  }),
  (async () => {
    // Three single-threaded checks that write nothing another of them reads. (next build stays out of this
    // group: it rewrites .next/types, which tsc reads.)
    await Promise.all([
      // TypeScript 7 (the native compiler) checks; 5.9 stays for the tools that use its API (typescript-eslint).
      // One thread: beside the other checks and the media files, its parallel checkers only added CPU (the
      // whole tree, probe: 36 busy CPU-seconds with 5.9, 19 with 7 on its threads, 9 with 7 on one).
      step('type check (tsc)', () => runHeldBack(process.execPath, [TSC, '--noEmit', '--singleThreaded', '-p', 'tsconfig.json'])),
      step('lint (eslint)', () => runHeldBack(bin('eslint'), ['.', '--cache', '--cache-location', 'node_modules/.cache/eslint/'])),
      step('format (prettier --check)', () => runHeldBack(bin('prettier'), ['--check', '.', '--log-level', 'warn'])),
    ]);
    await step('unit and integration tests (vitest)', async () => {
      try {
        await run(bin('vitest'), vitestArgs(['unit+db', 'own-process'], 'vitest.json'), { cwd: projectRoot, env });
      } finally {
        countVitest('vitest.json');
      }
    });
  })(),
]);

await step('production build (next build)', () => ensureNextBuild());
if (!failures.includes('production build (next build)')) {
  await step('browser tests (playwright)', () =>
    run(bin('playwright'), ['test'], {
      cwd: projectRoot,
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') },
    }),
  );
  const playwright = readJson(path.join(reports, 'playwright.json'));
  if (playwright) {
    // A flaky test (failed, then passed on a retry) is counted as failed: retries must not hide it.
    counts.passed += playwright.stats.expected;
    counts.failed += playwright.stats.unexpected + playwright.stats.flaky;
    counts.skipped += playwright.stats.skipped;
  }
}

const treeAfter = await gitStatus();
if (treeBefore !== null && treeAfter !== treeBefore) {
  failures.push('leaving the tree as found');
  console.error(`\nthe run changed the work tree:\n${treeAfter}\n(before it:)\n${treeBefore || '(clean)'}`);
}

log(`step times: ${timings.join(', ')}`);
if (failures.length) console.error(`\nfailed steps: ${failures.join(', ')}`);
// The closing line CI reads.
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length || counts.failed ? 1 : 0);
