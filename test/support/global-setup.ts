// Vitest globalSetup: ONE PostgreSQL cluster for the whole run, with a database
// migrated once to serve as a template. Each test file then gets its own
// database as a copy of it (test/support/database.ts), which takes a fraction
// of a second instead of starting, initialising and migrating a cluster.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../server/db/migrate';
import { databaseUrl, startTestCluster } from './cluster';

export const TEMPLATE_DATABASE = 'test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared cluster and its migrated template; absent when this setup did not run. */
    testPostgres?: { url: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  try {
    const admin = new pg.Client({ connectionString: databaseUrl(cluster.url, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} TEMPLATE template0`);
      await applyMigrations(databaseUrl(cluster.url, TEMPLATE_DATABASE));
      // No connections: a copy can then never catch the template half-changed.
      await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('testPostgres', { url: cluster.url, template: TEMPLATE_DATABASE });
  return () => cluster.stop();
}
