import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseMonitor } from './db/health';

const HEALTH_PATH = '/api/health';

export function isHealthRequest(req: IncomingMessage): boolean {
  return req.url === HEALTH_PATH || req.url?.startsWith(`${HEALTH_PATH}?`) === true;
}

/**
 * For load balancers, process managers and test runners: 200 with
 * `{ ok: true, database: { status: 'ok' } }` while the database answers, 503 with
 * the reason while it does not. The reason is one of a few fixed sentences,
 * never a driver's error text.
 */
export function serveHealth(req: IncomingMessage, res: ServerResponse, database: DatabaseMonitor): void {
  if (!isHealthRequest(req)) return;
  void database.check().then((health) => {
    const ok = health.status === 'ok';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok, database: health }));
  });
}
