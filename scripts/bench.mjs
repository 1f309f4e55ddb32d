// `npm run bench:<name>`: installs what is missing, then runs bench/<name>.ts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bootstrap, ensureNextBuild, projectRoot } from './lib/bootstrap.mjs';
import { ensureDebianPackages } from './lib/system-packages.mjs';

const name = process.argv[2];
// These two drive the real pages in Chromium.
const withPages = name === 'page-weight' || name === 'glass-to-glass';
const env = await bootstrap({ forTests: withPages });
if (withPages) await ensureNextBuild();
// The media benchmark encodes its test clip with libvpx's own encoder.
if (name === 'media-fanout') await ensureDebianPackages(['vpx-tools']);
const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench', `${name}.ts`)], { cwd: projectRoot, env, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
