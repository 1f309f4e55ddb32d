import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

// Everything app code wants from the generated client — PrismaClient, the Prisma
// namespace (input types, errors), model types (User, Show, …) and the enums as
// values (ShowStatus.LIVE) — comes through this one module.
export * from './generated/client';

/** Prisma Client 7 talks to PostgreSQL through the pg driver adapter. */
export function createPrismaClient(databaseUrl: string, { poolSize = 10 }: { poolSize?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
