import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../server/db/client';
import { applyMigrations } from '../../server/db/migrate';
import { databaseUrl, freePort, startTestCluster } from './cluster';

export { freePort };

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL database of this test file's own, migrated unless told otherwise.
 * Under `vitest run` it is a fresh database in the run's shared cluster, copied
 * from the template test/support/global-setup.ts migrated once. `ownCluster`
 * (or a run without that setup) starts a whole cluster instead, for tests
 * that stop, kill or reconfigure PostgreSQL itself.
 */
export async function startTestDatabase(opts: { migrate?: boolean; ownCluster?: boolean } = {}): Promise<TestDatabase> {
  const shared = opts.ownCluster ? undefined : inject('testPostgres');
  return shared ? databaseInSharedCluster(shared, opts.migrate !== false) : databaseInOwnCluster(opts.migrate !== false);
}

async function databaseInSharedCluster(shared: { url: string; template: string }, migrate: boolean): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl(shared.url, 'postgres') });
  await admin.connect();
  try {
    // template0 is PostgreSQL's pristine empty database: for tests of migrating from nothing.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${migrate ? shared.template : 'template0'}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(shared.url, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async stop() {
      try {
        await prisma.$disconnect();
      } finally {
        const dropper = new pg.Client({ connectionString: databaseUrl(shared.url, 'postgres') });
        await dropper.connect();
        try {
          // FORCE: a pool the test forgot to close must not keep the database alive.
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      }
    },
  };
}

async function databaseInOwnCluster(migrate: boolean): Promise<TestDatabase> {
  const cluster = await startTestCluster();
  try {
    if (migrate) await applyMigrations(cluster.url);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const prisma = createPrismaClient(cluster.url);
  return {
    url: cluster.url,
    prisma,
    async stop() {
      try {
        await prisma.$disconnect();
      } finally {
        await cluster.stop();
      }
    },
  };
}
