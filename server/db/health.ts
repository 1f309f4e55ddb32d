import type { Db } from '../domain/context';
import type { Logger } from '../log';

/**
 * The database as the app sees it, for /api/health and the logs. `degraded`
 * means the app is up (pages render from what they can) but the database does
 * not answer, so nothing can be bought; a load balancer should stop sending
 * people here until it is `ok` again.
 */
export type DatabaseHealth = { status: 'ok' } | { status: 'degraded'; reason: string; since: string };

const PROBE_TIMEOUT_MS = 2_000;
// Between probes while the database is down: 0.5 s doubling to 15 s.
const BACKOFF_MS = { first: 500, max: 15_000 };
const OK_INTERVAL_MS = 10_000;

export interface DatabaseMonitor {
  /** Probes now (bounded by 2 s) unless the embedded database is known to be restarting. */
  check(): Promise<DatabaseHealth>;
  /** The embedded supervisor's reports. */
  markDown(reason: string): void;
  markUp(): void;
  stop(): void;
}

/**
 * Follows the database: probes it every 10 s while it answers and with backoff
 * while it does not, logs each change once. The pg pool itself reconnects on
 * the next query (a broken idle connection is dropped by the pool when its
 * socket errors), so nothing here reconnects by hand; this only tells when the
 * database is back, for health checks and operators.
 */
export function startDatabaseMonitor(db: Db, log: Logger): DatabaseMonitor {
  let health: DatabaseHealth = { status: 'ok' };
  // Set while the embedded supervisor restarts PostgreSQL: probing then only adds noise.
  let restarting: string | undefined;
  let delay = BACKOFF_MS.first;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const set = (next: DatabaseHealth) => {
    if (next.status === health.status) return;
    if (next.status === 'ok') log.info({ component: 'database' }, 'database answers again');
    else log.error({ component: 'database', reason: next.reason }, 'database unavailable');
    health = next;
  };
  const degraded = (reason: string): DatabaseHealth => ({
    status: 'degraded',
    reason,
    since: health.status === 'degraded' ? health.since : new Date().toISOString(),
  });

  const probe = async (): Promise<DatabaseHealth> => {
    if (restarting) return degraded(restarting);
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.$queryRaw`SELECT 1`,
        new Promise((_, reject) => (timeout = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS))),
      ]);
      set({ status: 'ok' });
    } catch (error) {
      const reason =
        (error as Error).message === 'timeout'
          ? `the database did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
          : 'the database refuses connections or queries';
      if (health.status === 'ok') log.warn({ component: 'database', err: error }, 'database probe failed');
      set(degraded(reason));
    } finally {
      clearTimeout(timeout);
    }
    return health;
  };

  const schedule = () => {
    if (stopped) return;
    const wait = health.status === 'ok' ? OK_INTERVAL_MS : delay;
    delay = health.status === 'ok' ? BACKOFF_MS.first : Math.min(delay * 2, BACKOFF_MS.max);
    timer = setTimeout(() => void probe().finally(schedule), wait);
    timer.unref();
  };
  schedule();

  return {
    check: probe,
    markDown(reason) {
      restarting = reason;
      set(degraded(reason));
    },
    markUp() {
      restarting = undefined;
      void probe();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
