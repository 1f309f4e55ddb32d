import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { freePort } from '../../deploy/local/process';

// Test data is thrown away after the run, so durability buys nothing; without
// these every commit waits for the disk, which on a shared machine is most of
// a test's database time.
export const TEST_POSTGRES_FLAGS = [
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
  '-c',
  'max_connections=300',
];

export { freePort };

export interface TestCluster {
  /** URL of the cluster's default database; swap the path for another database. */
  url: string;
  stop(): Promise<void>;
}

/** A real PostgreSQL cluster of its own in a temporary directory, removed on stop. */
export async function startTestCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-'));
  // As root, PostgreSQL runs as a separate user that must be able to enter this directory.
  chmodSync(dir, 0o755);
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), postgresFlags: TEST_POSTGRES_FLAGS });
    return {
      url: pg.url,
      async stop() {
        try {
          await pg.stop();
        } finally {
          removeDir();
        }
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

/** The same URL pointing at another database of the cluster. */
export function databaseUrl(clusterUrl: string, database: string): string {
  const url = new URL(clusterUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
