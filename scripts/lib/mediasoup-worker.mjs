// Builds mediasoup 3.12.16's C++ worker from the source in node_modules against
// Debian's own libraries, and caches it outside the clone. mediasoup's own build
// downloads its dependencies (and its prebuilt worker) from GitHub, which these
// machines cannot reach; every library it wants ships in Debian bookworm.
import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, copyFileSync, chmodSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDebianPackages } from './system-packages.mjs';

export const MEDIASOUP_VERSION = '3.12.16';

const BUILD_PACKAGES = ['g++', 'python3', 'meson', 'ninja-build', 'pkg-config', 'libabsl-dev', 'libuv1-dev', 'libsrtp2-dev', 'libssl-dev', 'nlohmann-json3-dev', 'libusrsctp-dev'];
const SHIMS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../mediasoup-subprojects');

export function mediasoupWorkerCachePath() {
  const base = process.env.LIVE_COMMERCE_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'live-commerce');
  return path.join(base, `mediasoup-worker-${MEDIASOUP_VERSION}-${process.platform}-${process.arch}`, 'mediasoup-worker');
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

function sh(command, args, { cwd, logFile }) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      out.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with ${code}`));
    });
  });
}

/** An exclusive lock file, so two concurrent `npm start`/`npm test` do not build twice. */
async function withLock(lockFile, fn, log) {
  const deadline = Date.now() + 30 * 60 * 1000;
  let announced = false;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      writeFileSync(lockFile, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8')) || 0;
      let alive = false;
      try {
        if (holder) process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      if (!alive) {
        rmSync(lockFile, { force: true }); // left by a process that died mid-build
        continue;
      }
      if (!announced) log(`mediasoup worker: another process (pid ${holder}) is building it; waiting…`);
      announced = true;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the mediasoup worker build lock ${lockFile}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function build({ projectRoot, target, log }) {
  const source = path.join(projectRoot, 'node_modules', 'mediasoup', 'worker');
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'mediasoup', 'package.json'), 'utf8'));
  if (pkg.version !== MEDIASOUP_VERSION) throw new Error(`node_modules has mediasoup ${pkg.version}, expected ${MEDIASOUP_VERSION}`);
  await ensureDebianPackages(BUILD_PACKAGES, { log });

  const cacheDir = path.dirname(target);
  const logFile = path.join(cacheDir, 'build.log');
  writeFileSync(logFile, `mediasoup ${MEDIASOUP_VERSION} worker build, ${new Date().toISOString()}\n`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'mediasoup-worker-'));
  try {
    // Work on a copy: node_modules stays pristine.
    for (const entry of readdirSync(source)) if (entry !== 'subprojects') cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
    // Local subprojects that hand over the system libraries replace the .wrap downloads.
    cpSync(SHIMS, path.join(work, 'subprojects'), { recursive: true });
    // Debian bookworm has meson 1.0.1; nothing 3.12.16 uses needs 1.1.
    const mesonBuild = path.join(work, 'meson.build');
    writeFileSync(mesonBuild, readFileSync(mesonBuild, 'utf8').replace(/meson_version:\s*'>= 1\.1\.0'/, "meson_version: '>= 1.0.0'"));

    const started = Date.now();
    log(`mediasoup worker: building ${MEDIASOUP_VERSION} from source (about 5 minutes on 2 cores; log: ${logFile})…`);
    await sh('meson', ['setup', 'build', '--buildtype', 'release', '-Db_ndebug=true', '-Db_pie=true', '-Db_staticpic=true', '--wrap-mode=nodownload'], { cwd: work, logFile });
    await sh('ninja', ['-C', 'build', `-j${Math.max(1, os.availableParallelism())}`, 'mediasoup-worker'], { cwd: work, logFile });
    const built = path.join(work, 'build', 'mediasoup-worker');
    if (!executable(built)) throw new Error('the build finished without producing build/mediasoup-worker');
    // Written under a temporary name and renamed, so an interrupted build never leaves a broken binary.
    const partial = `${target}.partial-${process.pid}`;
    copyFileSync(built, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
    log(`mediasoup worker: built in ${Math.round((Date.now() - started) / 1000)} s → ${target}`);
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
    throw new Error(`Building the mediasoup worker failed: ${error.message}\n--- last lines of ${logFile} ---\n${tail}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The path of a working mediasoup worker binary, building it once if needed. */
export async function ensureMediasoupWorker({ projectRoot, log = console.log }) {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv && executable(fromEnv)) return fromEnv;
  const target = mediasoupWorkerCachePath();
  if (executable(target)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  await withLock(`${target}.lock`, async () => {
    if (!executable(target)) await build({ projectRoot, target, log }); // another process may have built it meanwhile
  }, log);
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  console.log(await ensureMediasoupWorker({ projectRoot, log: (m) => console.error(m) }));
}
