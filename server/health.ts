import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseMonitor } from './db/health';

const HEALTH_PATH = '/api/health';

export function isHealthRequest(req: IncomingMessage): boolean {
  return req.url === HEALTH_PATH || req.url?.startsWith(`${HEALTH_PATH}?`) === true;
}

/** Multi-node mode: whether this node reaches the Redis the nodes share. */
export interface RedisState {
  readonly up: boolean;
}

/**
 * For load balancers, process managers and test runners: 200 with
 * `{ ok: true, database: { status: 'ok' } }` while the database answers, 503 with
 * the reason while it does not. The reason is one of a few fixed sentences,
 * never a driver's error text.
 *
 * In multi-node mode it also carries `redis`. Without Redis a node still serves
 * its own sockets (and every node shares the one Redis, so taking them all out
 * of the balancer would be an outage): the answer stays 200 and says `degraded`.
 */
export function serveHealth(req: IncomingMessage, res: ServerResponse, database: DatabaseMonitor, redis?: RedisState): void {
  if (!isHealthRequest(req)) return;
  void database.check().then((health) => {
    const ok = health.status === 'ok';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok, database: health, ...(redis ? { redis: redisHealth(redis) } : {}) }));
  });
}

function redisHealth(redis: RedisState) {
  return redis.up
    ? { status: 'ok' as const }
    : { status: 'degraded' as const, reason: 'Redis is unreachable: this node serves only its own connections' };
}
