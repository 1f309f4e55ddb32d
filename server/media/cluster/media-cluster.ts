import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Db } from '../../domain/context';
import type { MediaService } from '../media-service';
import { publisherOf, type ShowMediaRoom } from '../show-media-room';
import { HEARTBEAT_MS, IDLE_ROOM_MS, RECONCILE_MS, type MediaClusterConfig } from './config';
import { MediaDirectory, type MediaNodeAddress } from './directory';
import { EdgeLink } from './edge-link';
import { PipeOrigin } from './pipe-origin';

/**
 * Several nodes carrying one show. The node whose host publishes a show is its
 * origin (recorded in the directory); a room on any other node is an edge that
 * pipes the origin's producers in (EdgeLink) and spreads them over its own
 * workers. A guest on stage publishing on another node does not move the
 * origin: that node is recorded as one of the show's publishers, and every
 * other room of the show pipes its local producers in the same way. Every room
 * checks the directory once a second and before serving a viewer, so a new
 * producer, a host's republish after a worker died, or a host who moved to
 * another node is followed without anyone reloading.
 */
export class MediaCluster {
  private readonly directory: MediaDirectory;
  private readonly origin: PipeOrigin;
  /** Per room, a link to each other node it pulls from (the origin, the guests' nodes), by node id. */
  private readonly links = new Map<ShowMediaRoom, Map<string, EdgeLink>>();
  private readonly running = new Map<ShowMediaRoom, { current: Promise<void>; next?: Promise<void> }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly lastUsed = new WeakMap<ShowMediaRoom, number>();
  private closed = false;

  private constructor(
    db: Db,
    private readonly media: MediaService,
    private readonly config: MediaClusterConfig,
    private readonly log: Logger,
  ) {
    this.directory = new MediaDirectory(db, config);
    this.origin = new PipeOrigin(config, (showId) => media.readyRoom(showId), log);
  }

  static async start(db: Db, media: MediaService, config: MediaClusterConfig, log: Logger): Promise<MediaCluster> {
    const cluster = new MediaCluster(db, media, config, log.child({ component: 'media-cluster', nodeId: config.nodeId }));
    await cluster.directory.heartbeat();
    media.enablePipedRooms();
    media.on('roomOpened', (room) => cluster.adopt(room));
    for (const room of media.openRooms()) cluster.adopt(room);
    cluster.every(HEARTBEAT_MS, () => cluster.directory.heartbeat());
    cluster.every(RECONCILE_MS, () => cluster.upkeep());
    cluster.log.info({ internalUrl: config.internalUrl }, 'multi-node media is on');
    return cluster;
  }

  get nodeId(): string {
    return this.config.nodeId;
  }

  /** The internal pipe endpoint (the app routes PIPE_PATH here). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.origin.handle(req, res);
  }

  /**
   * Brings one room in line with the directory; concurrent callers share the
   * run in flight plus at most one more (which sees whatever changed meanwhile).
   */
  reconcile(room: ShowMediaRoom): Promise<void> {
    const entry = this.running.get(room);
    if (entry) return (entry.next ??= entry.current.catch(() => undefined).then(() => this.startReconcile(room)));
    return this.startReconcile(room);
  }

  private startReconcile(room: ShowMediaRoom): Promise<void> {
    const current = this.reconcileOnce(room).finally(() => {
      const entry = this.running.get(room);
      // A queued run replaces this entry when it starts; without one the room is idle again.
      if (entry?.current === current && !entry.next) this.running.delete(room);
    });
    this.running.set(room, { current });
    return current;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const room of [...this.links.keys()]) this.unlink(room);
    await this.directory.leave().catch((error: unknown) => this.log.warn({ err: error }, 'leaving the media directory failed'));
  }

  /**
   * Once a second for every room that has peers; a room nobody has used for
   * IDLE_ROOM_MS lets its pipe go (the next viewer asks again), so an edge node
   * does not keep pulling shows nobody there watches.
   */
  private async upkeep(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      this.media.openRooms().map((room) => {
        if (room.peerCount > 0) this.lastUsed.set(room, now);
        else if (now - (this.lastUsed.get(room) ?? now) > IDLE_ROOM_MS) return this.unlink(room);
        else if (!this.lastUsed.has(room)) this.lastUsed.set(room, now);
        return this.reconcile(room);
      }),
    );
  }

  private adopt(room: ShowMediaRoom): void {
    room.refreshRemote = () => this.reconcile(room);
    room.on('producerAdded', () => void this.reconcile(room));
    room.once('closed', () => {
      this.unlink(room);
      // A room that opens again for the show (a worker restart) records itself again on its next reconcile.
      if (!this.closed && !this.media.openRooms().some((other) => other !== room && other.showId === room.showId))
        void this.directory.setPublisher(room.showId, false).catch(() => undefined);
    });
  }

  private async reconcileOnce(room: ShowMediaRoom): Promise<void> {
    if (this.closed || room.isClosed) return;
    const self = this.config.nodeId;
    const [origin, publishers] = await Promise.all([this.directory.originOf(room.showId), this.directory.publishersOf(room.showId)]);
    if (this.closed || room.isClosed) return;
    const local = room.localProducers();
    const hostHere = local.some((p) => !publisherOf(p)?.guest);
    // A guest on stage publishing here does not make this node the origin (only the host does): it makes it a publisher.
    const publishing = local.length > 0 && !hostHere;
    if (publishing !== publishers.some((node) => node.id === self)) await this.directory.setPublisher(room.showId, publishing);
    const sources = new Map<string, MediaNodeAddress>();
    if (hostHere) {
      // The host publishes here: this node is the origin, whatever the directory said.
      if (origin?.id !== self) await this.directory.claimOrigin(room.showId);
    } else if (origin && origin.id !== self) sources.set(origin.id, origin);
    for (const node of publishers) if (node.id !== self) sources.set(node.id, node);

    const links = this.links.get(room) ?? new Map<string, EdgeLink>();
    this.links.set(room, links);
    for (const [nodeId, link] of links)
      if (!sources.has(nodeId)) {
        link.close();
        links.delete(nodeId);
      }
    await Promise.all(
      [...sources.values()].map(async (node) => {
        let link = links.get(node.id);
        if (!link) {
          link = new EdgeLink(node, room, this.config, this.log.child({ showId: room.showId }));
          links.set(node.id, link);
        }
        try {
          await link.sync();
        } catch (error) {
          this.log.warn({ err: error, showId: room.showId, node: node.id }, 'could not pipe the show from another node');
        }
      }),
    );
  }

  private unlink(room: ShowMediaRoom): undefined {
    for (const link of this.links.get(room)?.values() ?? []) link.close();
    this.links.delete(room);
    return undefined;
  }

  private every(ms: number, run: () => Promise<void>): void {
    const timer = setInterval(() => {
      run().catch((error: unknown) => this.log.warn({ err: error }, 'media cluster upkeep failed'));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
