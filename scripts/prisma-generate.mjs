// Generates the Prisma client when schema.prisma (or Prisma's version) changed.
// Prisma 7's CLI wants its native schema engine, a download these machines cannot
// make; `generate` itself is WASM and only checks that the engine path exists.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from './lib/run.mjs';

export async function ensurePrismaClient({ projectRoot, log = console.log }) {
  const schema = readFileSync(path.join(projectRoot, 'prisma', 'schema.prisma'));
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'prisma', 'package.json'), 'utf8'));
  const hash = createHash('sha256').update(schema).update(version).digest('hex');
  const stamp = path.join(projectRoot, 'server', 'db', 'generated', '.schema-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('generating the Prisma client…');
  await run(path.join(projectRoot, 'node_modules', '.bin', 'prisma'), ['generate'], {
    cwd: projectRoot,
    quiet: true,
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  writeFileSync(stamp, hash);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensurePrismaClient({ projectRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });
}
