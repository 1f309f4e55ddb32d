import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { registerRawPool } from './raw';

// Everything app code wants from the generated client — PrismaClient, the Prisma
// namespace (input types, errors), model types (User, Show, …) and the enums as
// values (ShowStatus.LIVE) — comes through this one module.
export * from './generated/client';

/**
 * Prisma Client 7 talks to PostgreSQL through the pg driver adapter. When the
 * database restarts, the pool drops each connection whose socket errors (the
 * adapter listens for idle clients' errors, so none goes unhandled) and opens new
 * ones on the next query: reconnecting needs nothing here
 * (test/operations/database-restart.test.ts).
 */
export function createPrismaClient(databaseUrl: string, { poolSize = 10 }: { poolSize?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // The client owns the pool: $disconnect ends it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerRawPool(client, pool);
  return client;
}
