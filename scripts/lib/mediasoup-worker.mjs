// Builds mediasoup 3.12.16's C++ worker from the source in node_modules against
// Debian's own libraries, and caches it outside the clone. mediasoup's own build
// downloads its dependencies (and its prebuilt worker) from GitHub, which these
// machines cannot reach; every library it wants ships in Debian bookworm.
// Dependency-free. `node scripts/lib/mediasoup-worker.mjs` prints the binary's path.
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDebianPackages } from './system-packages.mjs';

export const MEDIASOUP_VERSION = '3.12.16';

// meson/ninja/pkg-config drive the build; g++ brings gcc too (the project also compiles C).
const BUILD_PACKAGES = [
  'g++',
  'python3',
  'meson',
  'ninja-build',
  'pkg-config',
  'libabsl-dev',
  'libuv1-dev',
  'libsrtp2-dev',
  'libssl-dev',
  'nlohmann-json3-dev',
  'libusrsctp-dev',
];
// Local meson subprojects that hand over the system libraries, replacing worker/subprojects/*.wrap (downloads).
const SUBPROJECTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../mediasoup-subprojects');
const LOCK_STALE_MS = 60_000; // a lock not touched for this long belongs to a build that died

export function mediasoupWorkerCachePath() {
  const base =
    process.env.LIVE_COMMERCE_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'live-commerce');
  return path.join(base, `mediasoup-worker-${MEDIASOUP_VERSION}-${process.platform}-${process.arch}`, 'mediasoup-worker');
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile() && statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * Whether the binary starts: run without MEDIASOUP_VERSION, the worker exits with
 * its own code 41 — which proves the loader found every shared library (~10 ms).
 * Also catches a cached binary whose Debian libraries were removed or upgraded away.
 */
function starts(file) {
  if (!isExecutable(file)) return false;
  const { MEDIASOUP_VERSION: _, ...env } = process.env;
  return spawnSync(file, [], { env, stdio: 'ignore', timeout: 10_000 }).status === 41;
}

function sh(command, args, { cwd, logFile }) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end(() => (code === 0 ? resolve() : reject(new Error(`${command} failed (${signal ?? `exit ${code}`})`))));
    });
  });
}

/**
 * Runs fn holding an exclusive lock file, so two concurrent `npm start`/`npm test`
 * do not both build: the second waits. The holder touches the file every 10 s; one
 * untouched for a minute is left by a killed build and taken over. (mtime rather than
 * a pid check, so it also works across containers sharing the cache directory.)
 */
async function withLock(lockFile, fn, log) {
  const mine = `${lockFile}.${process.pid}`;
  for (let announced = false; ;) {
    // Written in full, then hard-linked into place: atomic, and fails with EEXIST while someone else holds it.
    writeFileSync(mine, `${process.pid}\n`);
    try {
      linkSync(mine, lockFile);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lockFile).mtimeMs;
    } catch {
      continue; // released in the meantime
    }
    if (age > LOCK_STALE_MS) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (!announced) log('mediasoup worker: another process is building it; waiting…');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const heartbeat = setInterval(() => {
    try {
      utimesSync(lockFile, new Date(), new Date());
    } catch {}
  }, 10_000);
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    rmSync(lockFile, { force: true });
  }
}

async function build({ projectRoot, target, log }) {
  const mediasoupDir = path.join(projectRoot, 'node_modules', 'mediasoup');
  const { version } = JSON.parse(readFileSync(path.join(mediasoupDir, 'package.json'), 'utf8'));
  if (version !== MEDIASOUP_VERSION)
    throw new Error(
      `node_modules has mediasoup ${version}, but this script builds ${MEDIASOUP_VERSION}; update MEDIASOUP_VERSION and check the build still works.`,
    );
  await ensureDebianPackages(BUILD_PACKAGES, { log });

  const cacheDir = path.dirname(target);
  const logFile = path.join(cacheDir, 'build.log');
  // Inside the cache dir (not /tmp) so that a build killed by Ctrl-C is cleaned up by the next one.
  const work = path.join(cacheDir, 'build-tmp');
  const started = Date.now();
  log(`mediasoup worker: building ${MEDIASOUP_VERSION} from source (about 5 minutes on 2 cores; log: ${logFile})…`);
  writeFileSync(logFile, `mediasoup ${MEDIASOUP_VERSION} worker build, ${new Date().toISOString()}\n`);
  try {
    rmSync(work, { recursive: true, force: true });
    // A copy of the worker source, so node_modules stays pristine.
    const source = path.join(mediasoupDir, 'worker');
    for (const entry of readdirSync(source))
      if (entry !== 'subprojects') cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
    cpSync(SUBPROJECTS, path.join(work, 'subprojects'), { recursive: true });
    // Debian bookworm has meson 1.0.1; nothing mediasoup 3.12.16 uses needs 1.1.
    const mesonBuild = path.join(work, 'meson.build');
    writeFileSync(mesonBuild, readFileSync(mesonBuild, 'utf8').replace("meson_version: '>= 1.1.0'", "meson_version: '>= 1.0.0'"));

    // The options of mediasoup's own release build (worker/Makefile); nodownload makes a missing subproject fail loudly.
    await sh(
      'meson',
      ['setup', 'build', '--buildtype', 'release', '-Db_ndebug=true', '-Db_pie=true', '-Db_staticpic=true', '--wrap-mode=nodownload'],
      { cwd: work, logFile },
    );
    await sh('ninja', ['-C', 'build', `-j${os.availableParallelism()}`, 'mediasoup-worker'], { cwd: work, logFile });
    const built = path.join(work, 'build', 'mediasoup-worker');
    if (!starts(built))
      throw new Error('the built build/mediasoup-worker does not start (expected its exit code 41 when run without MEDIASOUP_VERSION)');
    // Copied under a temporary name and renamed, so an interrupted build never leaves a broken binary.
    const partial = `${target}.partial-${process.pid}`;
    copyFileSync(built, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n') : '';
    throw new Error(`Building the mediasoup worker failed: ${error.message}\n--- last lines of ${logFile} ---\n${tail}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`mediasoup worker: built in ${Math.round((Date.now() - started) / 1000)} s → ${target}`);
}

/** The absolute path of a working mediasoup worker binary, built once and cached. */
export async function ensureMediasoupWorker({ projectRoot, log = console.log }) {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return path.resolve(fromEnv);
    log(`mediasoup worker: ignoring MEDIASOUP_WORKER_BIN=${fromEnv} (not an executable file)`);
  }
  const target = mediasoupWorkerCachePath();
  if (starts(target)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  await withLock(
    `${target}.lock`,
    async () => {
      if (!starts(target)) await build({ projectRoot, target, log }); // a process we waited for may have built it
    },
    log,
  );
  return target;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  console.log(await ensureMediasoupWorker({ projectRoot, log: (message) => console.error(message) }));
}
