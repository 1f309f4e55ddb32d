import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient, type PrismaClient } from '../../server/db/client';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { applyMigrations } from '../../server/db/migrate';

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

/** A real PostgreSQL of its own, in a temporary directory, migrated. */
export async function startTestDatabase(opts: { migrate?: boolean } = {}): Promise<{ url: string; prisma: PrismaClient; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-'));
  // As root, PostgreSQL runs as a separate user that must be able to enter this directory.
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort() });
  if (opts.migrate !== false) await applyMigrations(pg.url);
  const prisma = createPrismaClient(pg.url);
  return {
    url: pg.url,
    prisma,
    async stop() {
      await prisma.$disconnect();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
