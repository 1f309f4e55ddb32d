import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';

export type TestRedis = RunningRedis;

/**
 * A real Debian redis-server on a free port in a temp dir (scripts/lib/redis.mjs, which
 * `npm run cluster` shares). `port` restarts one on a port a stopped one used.
 */
export function startTestRedis(port = 0): Promise<TestRedis> {
  return startRedis({ port });
}
