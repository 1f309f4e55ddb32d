/** This node's part in a multi-node media deployment (README: MEDIA_INTERNAL_URL and the variables after it). */
export interface MediaClusterConfig {
  /** Unique per process start: a node that restarts is a new node, its old pipes are gone anyway. */
  nodeId: string;
  /** Where the other nodes reach this node's pipe endpoint, e.g. http://10.0.0.5:3000. */
  internalUrl: string;
  /** Shared by every node; authenticates the pipe endpoint. */
  secret: string;
  /** Where this node's pipe transports listen for RTP from other nodes. */
  pipeListenIp: string;
  /** The address other nodes send RTP to, when it differs from the listening one (0.0.0.0, NAT). */
  pipeAnnouncedIp?: string;
  /** The address browsers reach this node's media on, recorded in the directory for operators. */
  announcedIp?: string;
}

export const PIPE_PATH = '/internal/media/pipe';
// A node whose heartbeat is older than this is taken for dead: its shows get a new origin.
export const HEARTBEAT_MS = 5_000;
export const NODE_STALE_MS = 15_000;
// Edge rooms check their origin this often: new producers, a republish, a moved origin.
export const RECONCILE_MS = 1_000;
// An edge room without viewers for this long lets its pipe go.
export const IDLE_ROOM_MS = 30_000;
// An origin closes a pipe its edge has not asked about for this long (the edge left or died).
export const PIPE_IDLE_MS = 30_000;
