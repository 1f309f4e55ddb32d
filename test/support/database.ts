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

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  stop(): Promise<void>;
}

/** A real PostgreSQL of its own, in a temporary directory, migrated unless told otherwise. */
export async function startTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-'));
  // As root, PostgreSQL runs as a separate user that must be able to enter this directory.
  chmodSync(dir, 0o755);
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort() });
  } catch (error) {
    removeDir();
    throw error;
  }
  try {
    if (opts.migrate !== false) await applyMigrations(pg.url);
  } catch (error) {
    await pg.stop();
    removeDir();
    throw error;
  }
  const prisma = createPrismaClient(pg.url);
  return {
    url: pg.url,
    prisma,
    async stop() {
      try {
        await prisma.$disconnect();
      } finally {
        await pg.stop();
        removeDir();
      }
    },
  };
}
