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
  const factory = createAdapter(link.client, {
    streamName: 'live-commerce:socket.io',
    maxLen: STREAM_MAX_LEN,
    sessionKeyPrefix: 'live-commerce:sio-session:',
  });
  // A function, not an arrow: Socket.io calls the adapter option with `new`, and an arrow cannot be constructed.
  return function adapterFor(nsp: Parameters<AdapterFactory>[0]): Adapter {
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
