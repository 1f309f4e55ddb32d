// Generates the Prisma client when schema.prisma (or Prisma's version) changed.
// Prisma 7's CLI wants its native schema engine before any command, a download
// these machines cannot make; `generate` itself is WASM and only checks that the
// engine path exists, so pointing it at any executable is enough.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GENERATED_DIR = path.join('server', 'db', 'generated');
const STAMP = '.schema-hash';
// generate takes about a second; anything near this limit is a hang (e.g. a download attempt).
const TIMEOUT_MS = 120_000;

// Keeps the CLI from reaching out: no engine download, no update check, no telemetry.
const OFFLINE_ENV = {
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_SKIP_POSTINSTALL_GENERATE: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_TELEMETRY_DISABLE: '1',
};

function fingerprint(projectRoot) {
  const schema = readFileSync(path.join(projectRoot, 'prisma', 'schema.prisma'));
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'prisma', 'package.json'), 'utf8'));
  return createHash('sha256').update(schema).update('\0').update(version).digest('hex');
}

function runPrisma(projectRoot, args, env) {
  const bin = path.join(projectRoot, 'node_modules', '.bin', 'prisma');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`));
    });
  });
}

/** Runs `prisma generate` unless server/db/generated already matches schema.prisma and Prisma's version. */
export async function ensurePrismaClient({ projectRoot, log = console.log }) {
  const generatedDir = path.join(projectRoot, GENERATED_DIR);
  const stampFile = path.join(generatedDir, STAMP);
  const hash = fingerprint(projectRoot);
  const upToDate =
    existsSync(path.join(generatedDir, 'client.ts')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
  if (upToDate) return { generated: false };

  log('generating the Prisma client…');
  await runPrisma(projectRoot, ['generate'], {
    ...OFFLINE_ENV,
    // Any existing executable satisfies the CLI's engine check; our own node is always there.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  });
  // Written last and atomically: an interrupted run leaves no stamp, so the next one generates again.
  writeFileSync(`${stampFile}.tmp`, `${hash}\n`);
  renameSync(`${stampFile}.tmp`, stampFile);
  return { generated: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { generated } = await ensurePrismaClient({ projectRoot });
  if (!generated) console.log('the Prisma client is up to date');
}
