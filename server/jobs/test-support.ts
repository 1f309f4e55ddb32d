// Helpers for the notification tests (not used by the app).
import { loadEnv, type Env } from '../env';
import { createLogger } from '../log';
import type { PrismaClient as Db } from '../db/client';

export const silentLog = createLogger('silent');

export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Env {
  return loadEnv({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'x'.repeat(40),
    DATA_DIR: '/tmp/lc-test-notify',
    PUBLIC_URL: 'http://shop.test',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/** Makes every pending job due now, instead of waiting for its runAt. */
export async function makeAllJobsDue(db: Db): Promise<void> {
  await db.$executeRaw`UPDATE "Job" SET "runAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "completedAt" IS NULL AND "failedAt" IS NULL`;
}

export async function createUser(db: Db, name: string): Promise<{ id: string; email: string; name: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.test`;
  return db.user.create({ data: { email, name }, select: { id: true, email: true, name: true } });
}
