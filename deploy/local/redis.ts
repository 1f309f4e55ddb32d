// Debian's redis-server as a child process on a local port, for the local cluster.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { prefixLines, stopChild, waitForPort } from './process';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis({
  dir,
  port,
  output = (line) => process.stderr.write(`${line}\n`),
}: {
  dir: string;
  port: number;
  output?: (line: string) => void;
}): Promise<RunningRedis> {
  const binary = ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find((candidate) => existsSync(candidate));
  if (!binary) throw new Error('redis-server is not installed: `npm run cluster` installs it (apt-get install redis-server)');
  mkdirSync(dir, { recursive: true });
  // Nothing in Redis outlives the app nodes' own recovery (docs/scaling.md): no snapshots, no log.
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prefixLines(child, output);
  await waitForPort(port, child, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
