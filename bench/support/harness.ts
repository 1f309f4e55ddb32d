import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { encode } from 'next-auth/jwt';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/protocol';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export interface BenchServer {
  url: string;
  databaseUrl: string;
  showId: string;
  hostId: string;
  productId: string;
  variantId: string;
  authSecret: string;
  /** More live shows of the same host (BENCH_EXTRA_LIVE_SHOWS), newest first after the demo show. */
  extraShowIds: string[];
  /** The server's DATA_DIR: its local-disk object store (uploads, recordings) lives under it. */
  dataDir: string;
  process: ChildProcess;
  /** What the server's payment provider did for idempotency keys starting with `prefix` (see bench-server.ts). */
  ledger(prefix: string): Promise<LedgerEntry[]>;
  stop(): Promise<void>;
}

export interface LedgerEntry {
  /** `<buyerId>:<idempotency key>`, as the app passes it to the provider */
  key: string;
  /** the provider's reference of the authorization, as the app stores it in Payment.reference */
  reference: string;
  authorizations: number;
  captures: number;
  voids: number;
  state: 'authorized' | 'captured' | 'voided';
}

const root = path.resolve(import.meta.dirname, '../..');

/** Starts bench-server.ts in a separate process and waits for its READY line. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of the server process there.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/support/bench-server.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Omit<BenchServer, 'process' | 'stop' | 'ledger'>>((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('READY ') && resolve(JSON.parse(line.slice(6))));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    ...ready,
    process: child,
    ledger: (prefix) =>
      new Promise((resolve) => {
        const onLine = (line: string) => {
          if (!line.startsWith('LEDGER ')) return;
          lines.off('line', onLine);
          resolve(JSON.parse(line.slice(7)) as LedgerEntry[]);
        };
        lines.on('line', onLine);
        child.stdin!.write(`ledger ${prefix}\n`);
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function sessionCookie(server: BenchServer, user: { id: string; name: string }): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: user.id, name: user.name }, secret: server.authSecret })}`;
}

export async function connect(server: BenchServer, cookie?: string): Promise<BenchSocket> {
  const socket: BenchSocket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Opens sockets in waves so the connection storm itself is not what gets measured. */
export async function connectMany(server: BenchServer, count: number, cookieFor?: (i: number) => Promise<string>): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const wave = await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, async (_, j) => connect(server, cookieFor ? await cookieFor(i + j) : undefined)),
    );
    sockets.push(...wave);
  }
  return sockets;
}

export function ask<T = { ok: boolean; error?: { code: string } }>(
  socket: BenchSocket,
  event: string,
  payload: unknown,
  timeoutMs = 60_000,
): Promise<T> {
  const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<T> };
  return timed.emitWithAck(event, payload);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU seconds and resident memory of a process, from /proc (Linux). */
export function processUsage(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rssPages = Number(stat[21]);
  return { cpuSeconds: ticks / 100, rssMiB: (rssPages * 4096) / 1024 / 1024 };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * The commit the run measured, and whether the tree had changes the commit does
 * not hold (docs/benchmarks.md itself, which each run appends to, aside): figures
 * from a dirty tree cannot be traced to code and are never cited in the summary.
 */
export function gitRevision(): { revision: string; dirty: boolean } {
  try {
    const revision = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
    const changes = execSync("git status --porcelain -- . ':(exclude)docs/benchmarks.md'", { cwd: root, encoding: 'utf8' }).trim();
    return { revision, dirty: changes !== '' };
  } catch {
    return { revision: 'unknown', dirty: true };
  }
}

export function table(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * Prints the result and appends it, with date, machine, command and revision, to
 * docs/benchmarks.md under an anchor the summary links to. Returns what the
 * structured result needs to point at it.
 */
export function record(title: string, command: string, body: string): { anchor: string; revision: string; dirty: boolean } {
  const file = path.join(root, 'docs/benchmarks.md');
  if (!existsSync(file))
    writeFileSync(file, '# Benchmarks\n\nEach run appends its figures here. See the summary at the top for the reading.\n');
  const { revision, dirty } = gitRevision();
  const now = new Date().toISOString();
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  // Two runs in one minute get -2, -3, …: a link must name one run.
  const minute = `run-${slug}-${now.slice(0, 16).replace(/[-:T]/g, '')}`;
  const recorded = readFileSync(file, 'utf8');
  let anchor = minute;
  for (let n = 2; recorded.includes(`<a id="${anchor}">`); n++) anchor = `${minute}-${n}`;
  const revisionLine = dirty ? `${revision} + uncommitted changes (dirty tree: not citable)` : revision;
  const entry = `\n<a id="${anchor}"></a>\n\n## ${title} — ${now.slice(0, 16).replace('T', ' ')} UTC\n\n- command: \`${command}\`\n- machine: ${machine()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' / ',
    )} (1 / 5 / 15 min) when recorded${process.env.BENCH_MACHINE_NOTE ? ` (${process.env.BENCH_MACHINE_NOTE})` : ''}\n- revision: ${revisionLine}\n\n${body}\n`;
  console.log(entry);
  appendFileSync(file, entry);
  return { anchor, revision, dirty };
}
