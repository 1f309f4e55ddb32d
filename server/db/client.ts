import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export { PrismaClient };
export type { Prisma } from './generated/client';

/** Prisma Client 7 talks to PostgreSQL through the pg driver adapter. */
export function createPrismaClient(databaseUrl: string, { poolSize = 10 }: { poolSize?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
