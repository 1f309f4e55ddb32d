// `npm run bench`: installs what is missing, then runs every benchmark through
// bench/run.ts, which compares their figures with bench/targets.ts and exits
// non-zero on a miss. `npm run bench:<name>` runs bench/<name>.ts alone.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { ensureDebianPackages } from './lib/system-packages.mjs';
import { runUnderRequiredNode } from './lib/node-runtime.mjs';

// Under the Node the app requires, as `npm start` and `npm test` run (a run under the system's Node 20
// measured that Node, not the app's: its purchase storm gave about half the orders/s).
await runUnderRequiredNode();
const name = process.argv[2];
const all = name === undefined;
// These drive the real pages in Chromium (the replay's also needs ffmpeg, installed for tests).
const withPages =
  all ||
  name === 'page-weight' ||
  name === 'glass-to-glass' ||
  name === 'swipe-feed' ||
  name === 'hls-glass' ||
  name === 'replay-first-frame';
const env = await bootstrap({ forTests: withPages });
if (withPages) await ensureNextBuild();
// The media benchmark encodes its test clip with libvpx's own encoder.
if (all || name === 'media-fanout' || name === 'media-pipe') await ensureDebianPackages(['vpx-tools']);
// Two app nodes share a Redis (bench/chat-cluster.ts).
if (all || name === 'chat-cluster') await ensureDebianPackages(['redis-server']);
// The simulcast encoder pushes to Debian's nginx with its RTMP module (bench/simulcast-cpu.ts).
if (name === 'simulcast-cpu') await ensureDebianPackages(['nginx', 'libnginx-mod-rtmp']);
const script = all ? 'run.ts' : `${name}.ts`;
const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench', script), ...process.argv.slice(3)], {
  cwd: projectRoot,
  env,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
