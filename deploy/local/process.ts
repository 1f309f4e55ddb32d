// Child processes of the local cluster: their output line by line, waiting for
// them to listen, and stopping them.
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A port the OS says is free now (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port outside `[low, high]`: the OS hands out ports from a range that overlaps the
 * RTC ports (40000–49999 by default), which the nodes' workers bind only later.
 */
export async function freePortOutside([low, high]: [number, number]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await freePort();
    if (port < low || port > high) return port;
  }
  throw new Error(`no free port outside ${low}–${high}`);
}

/** Every line the child writes to stdout or stderr, to `output`. */
export function prefixLines(child: ChildProcess, output: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', output);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once something accepts connections on the port; rejects if the child exits first. */
export async function waitForPort(port: number, child: ChildProcess, name: string, timeoutMs = 30_000): Promise<void> {
  let exited: string | undefined;
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => (exited = signal ?? `exit ${code}`);
  child.once('exit', onExit);
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      if (exited) throw new Error(`${name} stopped before listening on port ${port} (${exited})`);
      if (await connects(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${name} did not listen on port ${port} within ${timeoutMs / 1000} s`);
  } finally {
    child.off('exit', onExit);
  }
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
