import { spawnSync } from 'node:child_process';

let aptUpdated = false;

function installed(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function privileged(command) {
  if (process.getuid?.() === 0) return command;
  const sudo = spawnSync('sh', ['-c', 'command -v sudo'], { encoding: 'utf8' });
  return sudo.status === 0 ? ['sudo', ...command] : null;
}

function aptGet(args, log) {
  const command = privileged(['apt-get', ...args]);
  if (!command) return false;
  log(`$ ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/**
 * Installs the Debian packages that are missing, and does nothing at all (no
 * apt call) when every one is already there.
 */
export async function ensureDebianPackages(packages, { log = console.log } = {}) {
  const missing = packages.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  const ok = (aptUpdated || (aptUpdated = aptGet(['update', '-qq'], log))) && aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing], log);
  if (!ok) {
    throw new Error(`Could not install the Debian packages ${missing.join(' ')}. Install them yourself (as root: apt-get install ${missing.join(' ')}) and run the command again.`);
  }
}
