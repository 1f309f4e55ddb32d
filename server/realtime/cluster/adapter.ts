import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ClusterLink } from './link';

type AdapterFactory = ReturnType<typeof createAdapter>;
type Adapter = ReturnType<AdapterFactory>;
// The adapter's own session shape (socket.io-adapter's Session), as far as this file touches it.
interface Session {
  data: unknown;
}
interface SessionAdapter {
  persistSession(session: Session): void;
  restoreSession(pid: string, offset: string): Promise<Session>;
}

// Broadcasts kept for recovery: at the default 10,000 a chat storm can push a
// dropped client's offset out of the stream within its two-minute window.
const STREAM_MAX_LEN = 100_000;

/**
 * Socket.io's Redis Streams adapter, so rooms span the nodes and a client that
 * comes back within the recovery window — to any node — gets its rooms, its data
 * and the broadcasts it missed (read back from the stream).
 *
 * The session travels through MessagePack, which knows nothing of Map: a socket's
 * `data.shows` (show → role) is written as entries and read back as a Map.
 */
export function clusterAdapter(link: ClusterLink): AdapterFactory {
  const factory = createAdapter(adapterClient(link), {
    streamName: 'live-commerce:socket.io',
    maxLen: STREAM_MAX_LEN,
    sessionKeyPrefix: 'live-commerce:sio-session:',
  });
  // Socket.io calls it with `new`: a function, not an arrow, returning the adapter it built.
  return function withSessions(nsp: Parameters<AdapterFactory>[0]): Adapter {
    const adapter = factory(nsp);
    const sessions = adapter as unknown as SessionAdapter;
    const persist = sessions.persistSession.bind(adapter);
    const restore = sessions.restoreSession.bind(adapter);
    sessions.persistSession = (session) => persist({ ...session, data: packData(session.data) });
    sessions.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      return { ...session, data: unpackData(session.data) };
    };
    return adapter;
  };
}

/**
 * The client as the adapter should see it while Redis is away. Its reading
 * connections (stream polling, pub/sub) keep an offline queue: without one, the
 * adapter's polling loop retries a refused read at once, forever, and spins a
 * core. Its own writes stay refused at once, so a broadcast still reaches this
 * node's sockets without waiting; and the writes it fires without awaiting
 * (storing a session, publishing) must not become unhandled rejections.
 */
function adapterClient(link: ClusterLink): ClusterLink['client'] {
  const client = link.client;
  const fireAndForget = new Set<PropertyKey>(['set', 'publish', 'sPublish']);
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'duplicate') return () => target.duplicate({ disableOfflineQueue: false });
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!fireAndForget.has(prop)) return bound;
      return (...args: unknown[]) => {
        const result = bound(...args);
        // Still returned (a caller that awaits sees the failure); the handler only keeps the process alive.
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

interface PackedShows {
  showEntries?: [string, string][];
}

function packData(data: unknown): unknown {
  if (!data || typeof data !== 'object' || !('shows' in data) || !(data.shows instanceof Map)) return data;
  const { shows, ...rest } = data as { shows: Map<string, string> };
  return { ...rest, showEntries: [...shows] } satisfies PackedShows & Record<string, unknown>;
}

function unpackData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const { showEntries, ...rest } = data as PackedShows & Record<string, unknown>;
  return { ...rest, shows: new Map(showEntries ?? []) };
}
