// Everything `npm start` and `npm test` need, installed by themselves and skipped
// when already there. Dependency-free: it runs before node_modules exists.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.mjs';
import { ensureDebianPackages } from './system-packages.mjs';
import { log, run } from './run.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function stale(stampFile, hash) {
  return !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== hash;
}

function stamp(stampFile, hash) {
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, hash);
}

async function ensureNodeModules() {
  const hash = fingerprint(projectRoot, ['package.json', 'package-lock.json']);
  const stampFile = path.join(projectRoot, 'node_modules', '.live-commerce-installed');
  if (!stale(stampFile, hash)) return;
  log('installing npm packages…');
  // From the lock file, never rewriting it: a clean checkout gets `npm ci` (as CI tools
  // install; it fails if package.json and the lock disagree), an existing node_modules
  // is brought up to date in place with `--no-save`, which leaves the lock file alone.
  const fresh = !existsSync(path.join(projectRoot, 'node_modules'));
  await run('npm', [fresh ? 'ci' : 'install', ...(fresh ? [] : ['--no-save']), '--no-audit', '--no-fund'], { cwd: projectRoot });
  stamp(stampFile, fingerprint(projectRoot, ['package.json', 'package-lock.json']));
}

/** Production build of the pages, redone only when their sources change. */
export async function ensureNextBuild() {
  const hash = fingerprint(projectRoot, ['app', 'server', 'public', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json']);
  const stampFile = path.join(projectRoot, '.next', '.live-commerce-build');
  if (!stale(stampFile, hash) && existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) return;
  log('building the pages (next build, about a minute)…');
  await run(path.join(projectRoot, 'node_modules', '.bin', 'next'), ['build'], { cwd: projectRoot, env: { NEXT_TELEMETRY_DISABLED: '1' } });
  stamp(stampFile, hash);
}

/**
 * Returns the environment the app and tests run with (MEDIASOUP_WORKER_BIN set).
 * `forTests` adds what the browser tests need.
 */
export async function bootstrap({ forTests = false } = {}) {
  await ensureNodeModules();
  // The emoji font only makes reactions render in screenshots; phones have their own.
  if (forTests) await ensureDebianPackages(['chromium', 'fonts-noto-color-emoji'], { log });
  // Imported late: the worker helper lives in scripts/ but the build reads node_modules/mediasoup.
  const { ensureMediasoupWorker } = await import('./mediasoup-worker.mjs');
  const workerBin = await ensureMediasoupWorker({ projectRoot, log });
  const { ensurePrismaClient } = await import('../prisma-generate.mjs');
  await ensurePrismaClient({ projectRoot, log });
  return { ...process.env, MEDIASOUP_WORKER_BIN: workerBin, NEXT_TELEMETRY_DISABLED: '1' };
}
