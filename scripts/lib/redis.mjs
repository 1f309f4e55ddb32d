// Starts and stops a throwaway Debian redis-server: the two-node tests and `npm run cluster` share it.
// Dependency-free like the rest of scripts/lib.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A TCP port the OS says is free right now. */
export function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/**
 * redis-server on 127.0.0.1 with no persistence, its files in a temp dir (or `dir`). `port` 0 (the default)
 * asks the OS for a free one. Resolves once it answers PING; `stop()` ends it and removes the temp dir.
 */
export async function startRedis({ port = 0, dir, bin = 'redis-server', log = () => undefined } = {}) {
  const chosen = port || (await freeTcpPort());
  const workDir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'live-commerce-redis-'));
  // No RDB/AOF: a test's or a trial cluster's Redis holds only what the nodes can rebuild.
  const args = ['--port', String(chosen), '--bind', '127.0.0.1', '--dir', workDir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  child.stdout.on('data', (d) => log(d.toString().trimEnd()));
  child.stderr.on('data', (d) => log(d.toString().trimEnd()));
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  const deadline = Date.now() + 20_000;
  while (!(await Promise.race([ping(chosen), spawnError]))) {
    if (exited) throw new Error(`redis-server exited (${JSON.stringify(exited)}) before answering on port ${chosen}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${chosen} within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let stopped = null;
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    pid: child.pid,
    stop() {
      stopped ??= (async () => {
        if (!exited) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exit;
          clearTimeout(timer);
        }
        if (!dir) rmSync(workDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
