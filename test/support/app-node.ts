import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AUTH_SECRET, openTestSocket, type TestSocket } from './app';

const MAIN = path.join(import.meta.dirname, 'app-node-main.ts');
const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface AppNode {
  url: string;
  pid: number;
  connect(user?: { id: string; name: string }, opts?: { reconnection?: boolean }): Promise<TestSocket>;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: the node dies without a word, as a crashed machine does. */
  kill(): Promise<void>;
}

/**
 * Another node of a multi-node test, in its own process: its own stock gate, taps,
 * timers and Socket.io server, as on another machine, sharing the given database
 * and Redis. A node started in the test's own process would share the process-wide
 * state a second machine never shares.
 */
export async function startAppNode(env: { DATABASE_URL: string; REDIS_URL: string }): Promise<AppNode> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-node-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      PORT: '0',
      AUTH_SECRET,
      MEDIA_WORKERS: '1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATA_DIR: dataDir,
      WEBRTC_PORT: '0',
      SOCKET_MAX_CONNECTIONS_PER_IP: '100000',
      SEED_DEMO_DATA: 'false',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const sockets: TestSocket[] = [];
  const cleanup = () => {
    for (const socket of sockets) socket.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{"url"')) return;
      resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then(() => reject(new Error('the app node exited before it was up')));
  }).catch((error: unknown) => {
    cleanup();
    throw error;
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A graceful stop that hangs must not hang the test run: it becomes a kill.
    const escalate = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(escalate);
    cleanup();
  };
  return {
    url,
    pid: child.pid!,
    connect: (user, opts) => openTestSocket(url, user, opts, (socket) => sockets.push(socket)),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
