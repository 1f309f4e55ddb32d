// `npm test`: the whole suite, as CI runs it. Installs what it needs first.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { log, run } from './lib/run.mjs';
import { runUnderRequiredNode } from './lib/node-runtime.mjs';

const bin = (name) => path.join(projectRoot, 'node_modules', '.bin', name);
const reports = path.join(projectRoot, 'test-results');
await runUnderRequiredNode();
// A test run leaves the tree as it found it (no rewritten lock file, screenshots, ...).
const treeBefore = await gitStatus();
const env = await bootstrap({ forTests: true });
rmSync(reports, { recursive: true, force: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
async function step(name, fn) {
  log(`▶ ${name}`);
  try {
    await fn();
  } catch (error) {
    failures.push(name);
    console.error(error instanceof Error ? error.message : error);
  }
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

await step('type check (tsc)', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: projectRoot, env }));
await step('lint (eslint)', () =>
  run(bin('eslint'), ['.', '--cache', '--cache-location', 'node_modules/.cache/eslint/'], { cwd: projectRoot, env }),
);
await step('format (prettier --check)', () => run(bin('prettier'), ['--check', '.', '--log-level', 'warn'], { cwd: projectRoot, env }));

await step('unit and integration tests (vitest)', () =>
  run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`], {
    cwd: projectRoot,
    env,
  }),
);
const vitest = readJson(path.join(reports, 'vitest.json'));
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}

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

if (failures.length) console.error(`\nfailed steps: ${failures.join(', ')}`);
// The closing line CI reads.
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length || counts.failed ? 1 : 0);
