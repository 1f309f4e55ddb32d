import type { Db } from '../../domain/context';
import { NODE_STALE_MS, type MediaClusterConfig } from './config';

export interface MediaNodeAddress {
  id: string;
  internalUrl: string;
}

/**
 * Which nodes carry media, which node is each show's origin and on which other
 * nodes someone (a guest on stage) publishes to it, in PostgreSQL:
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

  /** Someone publishes to the show on this node (true) or nobody does any longer (false). */
  async setPublisher(showId: string, publishing: boolean): Promise<void> {
    const nodeId = this.self.nodeId;
    if (!publishing) return void (await this.db.showMediaPublisher.deleteMany({ where: { showId, nodeId } }));
    await this.db.showMediaPublisher.upsert({
      where: { showId_nodeId: { showId, nodeId } },
      create: { showId, nodeId },
      update: {},
    });
  }

  /** The live nodes where someone publishes to the show, whether or not one of them is its origin. */
  async publishersOf(showId: string): Promise<MediaNodeAddress[]> {
    const rows = await this.db.showMediaPublisher.findMany({
      where: { showId, node: { heartbeatAt: { gte: new Date(Date.now() - NODE_STALE_MS) } } },
      select: { node: { select: { id: true, internalUrl: true } } },
    });
    return rows.map((row) => row.node);
  }

  /** A node shutting down leaves the directory, and with it the origins and publishers it held (cascade). */
  async leave(): Promise<void> {
    await this.db.mediaNode.deleteMany({ where: { id: this.self.nodeId } });
  }
}
