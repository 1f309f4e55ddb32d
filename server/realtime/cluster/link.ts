import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/** What every node given REDIS_URL shares: one Redis connection and this node's name in it. */
export interface ClusterLink {
  /** Unique per process: a restarted node is a new node, and the old one's entries expire. */
  readonly nodeId: string;
  readonly client: RedisClient;
  /** Redis answers now. */
  readonly up: boolean;
  /** Runs a Lua script; keys and arguments as strings. */
  script(source: string, keys: string[], args: (string | number)[]): Promise<unknown>;
  /** Called with `true` when Redis comes back and `false` when it goes away. */
  onChange(listener: (up: boolean) => void): () => void;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 15_000;
// Retry quickly at first, then every 2 s for as long as it takes: a node without Redis keeps serving its own sockets.
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

/**
 * Connects to Redis for multi-node mode. Commands fail at once while Redis is
 * away (no offline queue): a broadcast then still reaches this node's sockets
 * (Socket.io's cluster adapter delivers locally whatever publishing did), and
 * each shared structure falls back to this node's own view until it returns.
 */
export async function connectCluster(url: string, log: Logger): Promise<ClusterLink> {
  const nodeId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: reconnectDelay, connectTimeout: 5_000 },
  });
  const listeners = new Set<(up: boolean) => void>();
  let up = false;
  const set = (next: boolean) => {
    if (next === up) return;
    up = next;
    if (next) log.warn({ nodeId }, 'Redis is reachable again: multi-node mode restored');
    else
      log.error(
        { nodeId },
        'Redis is unreachable: this node now serves only its own sockets (broadcasts do not reach other nodes, counts and limits are this node’s own) until it returns',
      );
    for (const listener of listeners) listener(next);
  };
  let lastError = '';
  client.on('error', (error: Error) => {
    // Every failed reconnect attempt reports; the transition is what matters, the rest is debug.
    if (error.message !== lastError) log.debug({ err: error }, 'redis client error');
    lastError = error.message;
    set(false);
  });
  client.on('ready', () => {
    lastError = '';
    set(true);
  });
  client.on('end', () => set(false));
  client.on('reconnecting', () => set(false));

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`REDIS_URL is set but Redis did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)),
          CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  up = true;
  log.info({ nodeId }, 'multi-node mode: connected to Redis');

  return {
    nodeId,
    client,
    get up() {
      return up;
    },
    script: (source, keys, args) => client.eval(source, { keys, arguments: args.map(String) }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      if (client.isOpen) await client.quit().catch(() => client.destroy());
    },
  };
}
