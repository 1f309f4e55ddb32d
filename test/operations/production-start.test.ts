import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_DATABASE } from '../../server/db/embedded';
import { freePort } from '../support/database';

// `NODE_ENV=production PUBLIC_URL=https://shop.example.com npm start`, the way a
// deployer starts it: the real start script (install check, page build, server)
// in a process of its own. The page build is reused when it is up to date, as
// `npm start` does; otherwise this test makes the build the rest of `npm test` uses.
const projectRoot = path.resolve(import.meta.dirname, '../..');
const BUILD_AND_START_MS = 15 * 60_000;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startScript(env: Record<string, string>): Started {
  // Whatever the developer's shell says about these must not leak into the run.
  const inherited = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'SEED_DEMO_DATA',
    'LOCAL_MAILBOX',
    'SMTP_URL',
    'PUBLIC_URL',
    'AUTH_SECRET',
    'SECRETS_KEY',
    'NODE_ENV',
    'PORT',
    'HOST',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ])
    delete inherited[name];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: projectRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

let dataDir: string;
let port: number;
let pgPort: number;
let app: Started;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-production-'));
  // As root, PostgreSQL runs as a separate user that must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  [port, pgPort] = [await freePort(), await freePort()];
  app = startScript({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://shop.example.com',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64url'),
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    DATA_DIR: dataDir,
    MEDIA_WORKERS: '1',
    // Any free media port: a developer's own `npm start` may hold the default one.
    WEBRTC_PORT: '0',
    LOG_LEVEL: 'warn',
  });
  // Up when /api/health answers 200; a start that dies says why.
  for (const deadline = Date.now() + BUILD_AND_START_MS; ;) {
    const code = await Promise.race([app.exited, new Promise((resolve) => setTimeout(() => resolve('running'), 250))]);
    if (code !== 'running') throw new Error(`npm start exited (${String(code)}):\n${app.output().slice(-3000)}`);
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${app.output().slice(-3000)}`);
  }
}, BUILD_AND_START_MS + 60_000);

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a production start (NODE_ENV=production, a public PUBLIC_URL, AUTH_SECRET)', () => {
  it('builds and serves the pages, and /api/health reports the database ok', async () => {
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<html/);
    expect(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json())).toEqual({ ok: true, database: { status: 'ok' } });
  });

  it('has no demo account, no demo brand and no local mailbox, even for a request from this machine', async () => {
    const password = readFileSync(path.join(dataDir, 'postgres', 'live-commerce-password'), 'utf8').trim();
    const client = new pg.Client({ host: 'localhost', port: pgPort, user: 'live_commerce', password, database: EMBEDDED_DATABASE });
    await client.connect();
    try {
      expect((await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email LIKE '%@demo.live'`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT count(*)::int AS n FROM "Brand"`)).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    expect((await fetch(`http://127.0.0.1:${port}/mailbox`)).status).toBe(404);
  });

  it('installs the build tools even under NODE_ENV=production, where plain npm install removes them', async () => {
    const dryRun = (args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('npm', [...args, '--dry-run'], {
          cwd: projectRoot,
          env: { ...process.env, NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (out += d));
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm ${args.join(' ')} failed:\n${out}`))));
      });
    // The start script's own arguments; a plain `npm install` here lists "remove @tailwindcss/postcss …".
    const { NPM_INSTALL_ARGS } = (await import(path.join(projectRoot, 'scripts/lib/bootstrap.mjs'))) as { NPM_INSTALL_ARGS: string[] };
    expect(await dryRun(NPM_INSTALL_ARGS)).not.toMatch(/^remove /m);
  }, 120_000);

  it(
    'refuses to start without AUTH_SECRET, saying so',
    async () => {
      const refused = startScript({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://shop.example.com',
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toMatch(/AUTH_SECRET is required in production/);
    },
    BUILD_AND_START_MS,
  );

  // Last: it stops the app the other tests use, as a process manager does. (That the database's own exit hook no
  // longer cuts a slow shutdown short is proven in server/db/embedded-exit.test.ts: here the shutdown is quick.)
  it('stops by its own shutdown on SIGTERM: exit code 0, and its PostgreSQL is gone', async () => {
    const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(() => process.kill(postmaster, 0)).toThrow();
  }, 60_000);
});
