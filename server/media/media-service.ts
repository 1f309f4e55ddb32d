import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './config';
import { type PublisherTag, ShowMediaRoom, type RoomCloseReason } from './show-media-room';
import { MediaWorkerPool } from './worker-pool';
import { PreparedWatches } from './prepared-watch';

export interface WatchHints {
  routerRtpCapabilities: types.RtpCapabilities;
  producerIds: string[];
}

const REBUILD_ATTEMPTS = 5;
// A join on an edge node waits this long at most for the origin node's answer.
const PIPED_PRODUCERS_WAIT_MS = 2_000;

interface MediaServiceEvents {
  /**
   * A show's room was rebuilt on a live worker after its worker died: every
   * transport, producer and consumer of the show is gone and must be set up again.
   */
  roomRestarted: [{ showId: string }];
  /** A room exists and is open (the cluster layer wires it before anyone uses it). */
  roomOpened: [ShowMediaRoom];
}

/** Owns the worker pool and one media room per show, created on first use. */
export class MediaService extends EventEmitter<MediaServiceEvents> {
  private readonly rooms = new Map<string, Promise<ShowMediaRoom>>();
  /** The same rooms once created, for questions that must not wait. */
  private readonly ready = new Map<string, ShowMediaRoom>();
  private closed = false;
  private piped = false;
  /** Receive sides prepared with a viewer page, until its socket claims them (prepared-watch.ts). */
  readonly prepared: PreparedWatches;

  private constructor(
    private readonly pool: MediaWorkerPool,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
    this.prepared = new PreparedWatches(this, log.child({ component: 'prepared-watch' }));
  }

  static async create(config: MediaConfig, log: Logger): Promise<MediaService> {
    const pool = await MediaWorkerPool.create(config, log.child({ component: 'media-workers' }));
    return new MediaService(pool, config, log.child({ component: 'media' }));
  }

  room(showId: string): Promise<ShowMediaRoom> {
    let pending = this.rooms.get(showId);
    if (!pending) {
      // The promise is stored before it settles so concurrent joiners share one router.
      const created = this.pool.acquire().then((worker) => ShowMediaRoom.create(showId, worker, this.config, this.log, this.pool));
      pending = created;
      this.rooms.set(showId, created);
      created.then(
        (room) => {
          const forget = (reason: RoomCloseReason) => {
            if (this.rooms.get(showId) === created) this.rooms.delete(showId);
            if (this.ready.get(showId) === room) this.ready.delete(showId);
            if (reason === 'workerDied') this.rebuild(showId);
          };
          // Its worker may have died between the router's creation and this callback.
          if (room.isClosed) return forget(room.worker.died ? 'workerDied' : 'closed');
          this.ready.set(showId, room);
          room.once('closed', forget);
          this.emit('roomOpened', room);
        },
        () => {
          if (this.rooms.get(showId) === created) this.rooms.delete(showId);
        },
      );
    }
    return pending;
  }

  existingRoom(showId: string): Promise<ShowMediaRoom> | undefined {
    return this.rooms.get(showId);
  }

  /** The show's room if it exists and is open, without waiting for one being created. */
  readyRoom(showId: string): ShowMediaRoom | undefined {
    return this.ready.get(showId);
  }

  /**
   * What a viewer page needs to start its receive side before its socket has
   * joined: the router's capabilities (to load a device without a round trip)
   * and the producers. Null while the show has no room or nothing is sent.
   */
  watchHints(showId: string): WatchHints | null {
    const room = this.ready.get(showId);
    const producerIds = room?.producerList().map((p) => p.producerId) ?? [];
    if (!room || producerIds.length === 0) return null;
    return { routerRtpCapabilities: room.rtpCapabilities, producerIds };
  }

  openRooms(): ShowMediaRoom[] {
    return [...this.ready.values()];
  }

  /**
   * Set by the cluster layer: a show's producers may live on another node, and
   * this node holds them only once its room has asked the origin.
   */
  enablePipedRooms(): void {
    this.piped = true;
  }

  /**
   * The producers a joining viewer is told about. On one node: the ready room's,
   * without waiting. On an edge node of a cluster a live show's room is opened
   * and asked for the origin's producers, for at most PIPED_PRODUCERS_WAIT_MS.
   */
  async currentProducers(
    showId: string,
    { live }: { live: boolean },
  ): Promise<{ producerId: string; kind: types.MediaKind; publisher: PublisherTag | null }[]> {
    const now = () => this.ready.get(showId)?.producerList() ?? [];
    if (!this.piped || !live) return now();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, PIPED_PRODUCERS_WAIT_MS)));
    const asked = this.room(showId).then((room) => room.refreshRemote());
    await Promise.race([asked, waited]).catch((error: unknown) =>
      this.log.warn({ err: error, showId }, 'asking for piped producers failed'),
    );
    clearTimeout(timer);
    return now();
  }

  /** The shows in which this connection holds transports. */
  showsWithTransports(peerId: string): string[] {
    return [...this.ready.values()].filter((room) => room.hasTransports(peerId)).map((room) => room.showId);
  }

  /** WebRTC viewers on this node, over every show (compared with WEBRTC_MAX_VIEWERS). */
  get webRtcViewerCount(): number {
    return [...this.ready.values()].reduce((sum, room) => sum + room.receivingPeerCount, 0);
  }

  get workerCount(): number {
    return this.pool.size;
  }

  /** Process ids of the live mediasoup workers. */
  get workerPids(): number[] {
    return this.pool.pids;
  }

  close(): void {
    this.closed = true;
    this.prepared.close();
    for (const pending of this.rooms.values())
      pending.then(
        (room) => room.close(),
        () => undefined,
      );
    this.rooms.clear();
    this.ready.clear();
    this.pool.close();
  }

  /**
   * The show was using this room, so it gets a new router at once (waiting for
   * the replacement worker if none is alive); only then are its clients told,
   * so their first request lands on a router that exists.
   */
  private rebuild(showId: string, attempt = 1, started = Date.now()): void {
    if (this.closed) return;
    this.room(showId).then(
      (room) => {
        this.log.warn({ showId, workerPid: room.worker.pid, ms: Date.now() - started }, 'media room rebuilt after its worker died');
        this.emit('roomRestarted', { showId });
      },
      (error: unknown) => {
        // The worker it landed on was dying too (several killed at once): the pool is replacing it, try again.
        if (attempt < REBUILD_ATTEMPTS && !this.closed) {
          this.log.warn({ showId, err: error, attempt }, 'rebuilding a media room failed; retrying');
          setTimeout(() => this.rebuild(showId, attempt + 1, started), 200 * attempt).unref();
        } else this.log.error({ showId, err: error }, 'could not rebuild a media room after its worker died');
      },
    );
  }
}
