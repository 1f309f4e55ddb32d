// Installs missing Debian packages. Dependency-free: it runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';

let aptUpdate; // one `apt-get update` per process, shared by concurrent callers

/** The subset of packages that is not installed, from one dpkg-query call for all of them. */
function notInstalled(packages) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT')
    throw new Error(`dpkg-query not found: this needs a Debian-based system (or install the equivalent of: ${packages.join(' ')}).`);
  // Exits 1 when some name is unknown, but still reports the others.
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return packages.filter((pkg) => !installed.has(pkg));
}

/** apt-get, as root directly or through sudo; null when neither is possible. */
function aptCommand(args) {
  // Another apt/dpkg run (e.g. a parallel `npm test`) holds the dpkg lock: wait for it instead of failing.
  const command = ['apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args];
  if (process.getuid?.() === 0) return command;
  return spawnSync('sh', ['-c', 'command -v sudo']).status === 0 ? ['sudo', ...command] : null;
}

function aptGet(args, log) {
  const command = aptCommand(args);
  if (!command) return Promise.resolve(false);
  log(`$ ${command.join(' ')}`);
  // Asynchronous so that the caller's event loop (e.g. a build lock's heartbeat) keeps running.
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** Installs the packages that are missing; no apt call at all when every one is there. */
export async function ensureDebianPackages(packages, { log = console.log } = {}) {
  const missing = notInstalled(packages);
  if (missing.length === 0) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  aptUpdate ??= aptGet(['update', '-qq'], log);
  const ok = (await aptUpdate) && (await aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing], log));
  if (!ok) {
    if (!(await aptUpdate)) aptUpdate = undefined; // let a later call retry the update
    throw new Error(
      `Could not install the Debian packages: ${missing.join(' ')}.\n` +
        `Install them as root (apt-get install ${missing.join(' ')}) or run this as a user with sudo, then try again.`,
    );
  }
}
