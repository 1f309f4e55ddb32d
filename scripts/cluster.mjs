// `npm run cluster`: a multi-node Live Commerce on this machine (docs/scaling.md):
// one embedded PostgreSQL, Debian's redis-server, two app nodes and Debian's nginx
// in front on http://localhost:3000 (PORT to change). Installs what is missing first.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { log } from './lib/run.mjs';
import { runUnderRequiredNode } from './lib/node-runtime.mjs';
import { CLUSTER_DEBIAN_PACKAGES } from './lib/cluster-packages.mjs';
import { ensureDebianPackages } from './lib/system-packages.mjs';

await runUnderRequiredNode();
const env = await bootstrap();
await ensureDebianPackages(CLUSTER_DEBIAN_PACKAGES, { log });
await ensureNextBuild();
const cluster = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'deploy/local/cluster-cli.ts')], {
  cwd: projectRoot,
  env,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole process group; the cluster stops its own children in order.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cluster.kill(signal));
cluster.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
