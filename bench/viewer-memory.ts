// Memory per idle viewer: the app's server and a plain Socket.io reference
// (bench/viewer-memory-reference.ts) each hold N idle sockets joined to one show
// (a room), measured after garbage collection at 0 and at each N in one run.
// Per viewer = (RSS_N − RSS_0) / N, in kB of 1,000 bytes.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import pg from 'pg';
import { encode } from 'next-auth/jwt';
import { io, type Socket } from 'socket.io-client';
import { record, table } from './support/harness';

const COUNTS = (process.env.BENCH_VIEWERS ?? '2000,10000').split(',').map(Number);
// A few viewers are signed in (they take the database-backed path); the rest are anonymous.
const SIGNED_IN = Number(process.env.BENCH_SIGNED_IN ?? 10);
const TARGET_KB = 150;
const root = path.resolve(import.meta.dirname, '..');

interface Memory {
  rss: number;
  heapUsed: number;
}
interface Measured {
  url: string;
  ready: Record<string, string>;
  measure(): Promise<Memory>;
  snapshot(file: string): Promise<void>;
  stop(): Promise<void>;
}
// BENCH_SNAPSHOT_DIR=<dir> also writes heap snapshots of both servers at 0 and at the largest count.
const SNAPSHOT_DIR = process.env.BENCH_SNAPSHOT_DIR;

async function startMeasured(script: string): Promise<Measured> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', path.join(root, 'bench/support/memory-probe.ts'), path.join(root, script)],
    { cwd: root, env: process.env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: Interface = createInterface({ input: child.stdout! });
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('READY ') && resolve(JSON.parse(line.slice(6))));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const ask = (command: string, answer: string) =>
    new Promise<string>((resolve) => {
      const onLine = (line: string) => {
        if (!line.startsWith(answer)) return;
        lines.off('line', onLine);
        resolve(line.slice(answer.length));
      };
      lines.on('line', onLine);
      child.stdin!.write(`${command}\n`);
    });
  return {
    url: ready.url!,
    ready,
    measure: async () => JSON.parse(await ask('measure', 'MEMORY ')) as Memory,
    snapshot: async (file) => void (await ask(`snapshot ${file}`, 'SNAPSHOT ')),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function connectAndJoin(url: string, showId: string, cookie?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const reply = (await socket.timeout(120_000).emitWithAck('show:join', { showId })) as { ok: boolean; error?: unknown };
  if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply.error)}`);
  return socket;
}

const settle = () => new Promise((r) => setTimeout(r, 3000));

/** Joins viewers in waves up to each count and measures; index 0 is the empty server. */
async function measureServer(name: string, server: Measured, showId: string, cookieFor: (i: number) => Promise<string | undefined>) {
  // One viewer comes and goes first, so code loaded on the first join is not counted per viewer.
  const warm = await connectAndJoin(server.url, showId);
  await warm
    .timeout(10_000)
    .emitWithAck('show:leave', { showId })
    .catch(() => undefined);
  warm.disconnect();
  await settle();
  const points: { viewers: number; memory: Memory }[] = [{ viewers: 0, memory: await server.measure() }];
  if (SNAPSHOT_DIR) await server.snapshot(path.join(SNAPSHOT_DIR, `${name}-0.heapsnapshot`));
  const sockets: Socket[] = [];
  for (const count of COUNTS) {
    while (sockets.length < count) {
      const start = sockets.length;
      const wave = Math.min(100, count - start);
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: wave }, async (_, j) => connectAndJoin(server.url, showId, await cookieFor(start + j))),
        )),
      );
    }
    await settle();
    points.push({ viewers: count, memory: await server.measure() });
    console.log(points.at(-1));
  }
  if (SNAPSHOT_DIR) await server.snapshot(path.join(SNAPSHOT_DIR, `${name}-${sockets.length}.heapsnapshot`));
  for (const s of sockets) s.disconnect();
  return points;
}

const kB = (bytes: number) => bytes / 1000;
const MB = (bytes: number) => (bytes / 1e6).toFixed(0);

const reference = await startMeasured('bench/viewer-memory-reference.ts');
const refPoints = await measureServer('reference', reference, 'show', async () => undefined);
await reference.stop();

const app = await startMeasured('bench/support/bench-server.ts');
const { showId, databaseUrl, authSecret } = app.ready as { showId: string; databaseUrl: string; authSecret: string };
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const tag = `m${Date.now().toString(36)}`;
const userIds = Array.from({ length: SIGNED_IN }, (_, i) => `${tag}_${i}`);
await db.query(
  `INSERT INTO "User" (id, email, name, "passwordHash") SELECT id, id || '@bench.live', 'Bench Viewer', 'x' FROM unnest($1::text[]) AS id`,
  [userIds],
);
await db.end();
const cookies = await Promise.all(
  userIds.map(async (id) => `next-auth.session-token=${await encode({ token: { sub: id, name: 'Bench Viewer' }, secret: authSecret })}`),
);
// Signed-in viewers are spread through the crowd.
const stride = Math.max(1, Math.floor((COUNTS[0] ?? 1) / Math.max(1, SIGNED_IN)));
const appPoints = await measureServer('app', app, showId, async (i) =>
  i % stride === 0 && i / stride < SIGNED_IN ? cookies[i / stride] : undefined,
);
await app.stop();

const rows: (string | number)[][] = [];
let missed = false;
for (let i = 1; i < appPoints.length; i++) {
  const n = appPoints[i]!.viewers;
  const per = (points: typeof appPoints, key: keyof Memory) => kB(points[i]!.memory[key] - points[0]!.memory[key]) / n;
  const appRss = per(appPoints, 'rss');
  const refRss = per(refPoints, 'rss');
  if (appRss > TARGET_KB) missed = true;
  rows.push([
    n,
    `${MB(appPoints[0]!.memory.rss)} → ${MB(appPoints[i]!.memory.rss)}`,
    appRss.toFixed(1),
    per(appPoints, 'heapUsed').toFixed(1),
    `${MB(refPoints[0]!.memory.rss)} → ${MB(refPoints[i]!.memory.rss)}`,
    refRss.toFixed(1),
    per(refPoints, 'heapUsed').toFixed(1),
    (appRss / refRss).toFixed(2),
  ]);
}
record(
  'Memory per idle viewer',
  `npm run bench:memory${process.env.BENCH_VIEWERS ? ` (BENCH_VIEWERS=${process.env.BENCH_VIEWERS})` : ''}, ${SIGNED_IN} viewers signed in, after GC; kB = 1,000 bytes, MB = 10^6 bytes; target ≤ ${TARGET_KB} kB RSS per viewer`,
  table(
    [
      'viewers',
      'app RSS MB (0 → N)',
      'app RSS kB/viewer',
      'app heap kB/viewer',
      'reference RSS MB (0 → N)',
      'reference RSS kB/viewer',
      'reference heap kB/viewer',
      'app / reference (RSS)',
    ],
    rows,
  ),
);
if (missed) {
  console.error(`memory per viewer above ${TARGET_KB} kB`);
  process.exitCode = 1;
}
