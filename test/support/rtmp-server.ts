// A real RTMP ingest for the simulcast tests: Debian's nginx with libnginx-mod-rtmp, run as a
// child process with everything under its own temp directory. `record all` writes what it
// receives to <dir>/record/<stream key>.flv, which ffprobe then reads.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nginxBinary } from '../../deploy/local/balancer';
import { freePort, prefixLines, stopChild, waitForPort } from '../../deploy/local/process';

const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';

export interface RtmpServer {
  /** rtmp://127.0.0.1:<port>/live: the ingest URL a destination is given. */
  ingestUrl: string;
  port: number;
  /** Where the stream published with this key is recorded. */
  recording(streamKey: string): string;
  /** Stops it (the ingest drops); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRtmpServer(dir: string): Promise<RtmpServer> {
  if (!existsSync(RTMP_MODULE)) throw new Error(`${RTMP_MODULE} is missing: the test bootstrap installs libnginx-mod-rtmp`);
  const port = await freePort();
  const recordDir = path.join(dir, 'record');
  mkdirSync(recordDir, { recursive: true });
  // As root nginx's workers would run as nobody: one process (master_process off) keeps it simple.
  chmodSync(dir, 0o755);
  const config = path.join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `load_module ${RTMP_MODULE};
daemon off;
master_process off;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
rtmp {
  server {
    listen 127.0.0.1:${port};
    application live {
      live on;
      record all;
      record_path ${recordDir};
      record_unique off;
    }
  }
}
`,
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(nginxBinary(), ['-p', dir, '-e', 'stderr', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    prefixLines(started, (line) => process.stderr.write(`[rtmp-server] ${line}\n`));
    await waitForPort(port, started, 'nginx-rtmp');
  };
  await start();
  return {
    ingestUrl: `rtmp://127.0.0.1:${port}/live`,
    port,
    recording: (streamKey) => path.join(recordDir, `${streamKey}.flv`),
    stop: async () => {
      if (child) await stopChild(child);
    },
    start,
  };
}
