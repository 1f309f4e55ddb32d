import type pg from 'pg';
import type { PrismaClient } from './client';

// The pg pool under each Prisma client made by createPrismaClient. The order
// pipeline's statements (one or two per purchase) go straight to it: the same connections
// and transactions' isolation, without Prisma's per-query work (issue 14: that
// work was a large part of a tap's CPU).
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function registerRawPool(client: PrismaClient, pool: pg.Pool): void {
  pools.set(client, pool);
}

/**
 * One statement, one round trip: through the client's own pool when it has one,
 * else (a client built elsewhere, as some tests do) through Prisma. `name` makes
 * it a prepared statement on each pooled connection (the text must never change under one name).
 */
export async function rawQuery<T>(db: PrismaClient, text: string, values: unknown[], name?: string): Promise<T[]> {
  const pool = pools.get(db);
  // A named statement is parsed once per connection, then only bound and executed (the one-tap purchase's).
  if (pool) return (await pool.query(name ? { name, text, values } : { text, values })).rows as T[];
  return db.$queryRawUnsafe<T[]>(text, ...values);
}
