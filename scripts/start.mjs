// `npm start`: installs what is missing, builds the pages if they changed, then
// runs the server (embedded PostgreSQL, migrations and demo data included).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { log } from './lib/run.mjs';
import { runUnderRequiredNode } from './lib/node-runtime.mjs';

const dev = process.argv.includes('--dev');
// NODE_ENV=production set by hand means a deployment; without PUBLIC_URL its sign-in
// links would point at localhost and the app would take itself for a laptop
// (demo accounts, the local mailbox). Refused before anything is installed or built.
if (process.env.NODE_ENV === 'production' && !process.env.PUBLIC_URL) {
  console.error(
    'NODE_ENV=production needs PUBLIC_URL, the address people use (for example PUBLIC_URL=https://shop.example.com); see "Running in production" in README.md.',
  );
  process.exit(1);
}
// The server refuses this too (server/env.ts); saying it here spares a deployer the
// install and the page build before hearing it.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const publicHost = URL.canParse(process.env.PUBLIC_URL ?? '') ? new URL(process.env.PUBLIC_URL).hostname : 'localhost';
if (!dev && process.env.NODE_ENV === 'production' && !LOCAL_HOSTS.has(publicHost) && !process.env.AUTH_SECRET) {
  console.error(
    'Invalid configuration: AUTH_SECRET is required in production. It signs every session cookie and email link; generate one with `openssl rand -base64 32` and give every node the same value.',
  );
  process.exit(1);
}
await runUnderRequiredNode();
const env = await bootstrap();
if (!dev) await ensureNextBuild();
log(`starting the server${dev ? ' in development mode' : ''}…`);
const server = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/index.ts'), ...(dev ? ['--dev'] : [])], {
  cwd: projectRoot,
  env: { ...env, NODE_ENV: dev ? 'development' : 'production' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
