import type { Db } from '../../domain/context';
import { NODE_STALE_MS, type MediaClusterConfig } from './config';

export interface MediaNodeAddress {
  id: string;
  internalUrl: string;
}

/**
 * Which nodes carry media and which node is each show's origin, in PostgreSQL:
 * every node already has it, with or without Redis, and a node that stops
 * heartbeating simply stops being anyone's origin.
 */
export class MediaDirectory {
  constructor(
    private readonly db: Db,
    private readonly self: MediaClusterConfig,
  ) {}

  async heartbeat(): Promise<void> {
    const { nodeId: id, internalUrl, announcedIp } = this.self;
    const row = { internalUrl, announcedIp: announcedIp ?? null, heartbeatAt: new Date() };
    await this.db.mediaNode.upsert({ where: { id }, create: { id, ...row }, update: row });
  }

  /** This node's host publishes the show here from now on. */
  async claimOrigin(showId: string): Promise<void> {
    const nodeId = this.self.nodeId;
    await this.db.showMediaOrigin.upsert({ where: { showId }, create: { showId, nodeId }, update: { nodeId } });
  }

  /** The show's origin node if it is alive; null when none is (or none was ever claimed). */
  async originOf(showId: string): Promise<MediaNodeAddress | null> {
    const row = await this.db.showMediaOrigin.findUnique({ where: { showId }, select: { node: true } });
    if (!row || row.node.heartbeatAt.getTime() < Date.now() - NODE_STALE_MS) return null;
    return { id: row.node.id, internalUrl: row.node.internalUrl };
  }

  /** A node shutting down leaves the directory, and with it the origins it held (cascade). */
  async leave(): Promise<void> {
    await this.db.mediaNode.deleteMany({ where: { id: this.self.nodeId } });
  }
}
