import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';
import { MEDIA_CODECS, type MediaConfig } from './config';
import { turnCredentials, type IceServer } from './turn';
import { createPeerTransport } from './webrtc-transport';
import type { MediaWorker, MediaWorkerPool } from './worker-pool';
import {
  consumerLayerInfo,
  hasLayers,
  INITIAL_PREFERRED_LAYERS,
  KEY_FRAME_REQUEST_DELAY_MS,
  type ConsumerLayerInfo,
} from './consumer-layers';

export type TransportDirection = 'send' | 'recv';

export interface TransportOptions {
  id: string;
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  dtlsParameters: types.DtlsParameters;
  /** TURN for this peer (time-limited credentials), when the node has one configured. */
  iceServers?: IceServer[];
}

export interface ConsumerOptions {
  id: string;
  producerId: string;
  kind: types.MediaKind;
  rtpParameters: types.RtpParameters;
  /** Whose camera or microphone this is: the host's, or a guest's on stage; null for an ingest without one. */
  publisher: PublisherTag | null;
}

/** Who sends a producer, kept in its appData (pipeToRouter copies it to every edge router). */
export interface PublisherTag {
  userId: string;
  guest: boolean;
}

export function publisherOf(producer: types.Producer): PublisherTag | null {
  const { publisher } = producer.appData as { publisher?: PublisherTag };
  return publisher ?? null;
}

export interface ConsumeResult {
  consumer: ConsumerOptions;
  layers: ConsumerLayerInfo;
}

export interface WatchResult {
  transport: TransportOptions;
  /** One per producer of the show, video first; running unless asked for paused. */
  consumers: (ConsumeResult & { paused: boolean })[];
}

/**
 * One router of the show on one worker. The origin router carries the host's
 * producers; an edge router on another worker receives each of them once
 * through router.pipeToRouter and serves the viewers placed on its worker.
 */
interface RouterSlot {
  worker: types.Worker;
  webRtcServer: types.WebRtcServer;
  router: types.Router;
  /** Producers of the origin already piped into this router (edges only). */
  piped: Map<string, Promise<void>>;
  /** Peers holding a transport here; kept when the router dies, to know whom to move. */
  peerIds: Set<string>;
}

interface MediaPeer {
  /** The key it is held under; changes when a socket claims a watch prepared with the page (`renamePeer`). */
  id: string;
  transports: Map<string, { transport: types.WebRtcTransport; direction: TransportDirection; slot: RouterSlot }>;
  producers: Map<string, types.Producer>;
  consumers: Map<string, types.Consumer>;
}

/** Why a room closed: on purpose (show ended, shutdown), or its worker process died under it. */
export type RoomCloseReason = 'closed' | 'workerDied';

interface RoomEvents {
  producerAdded: [{ producerId: string; kind: types.MediaKind; publisher: PublisherTag | null }];
  producerClosed: [{ producerId: string }];
  /** The layers a viewer's video consumer is actually sending changed (null: none, e.g. paused). */
  consumerLayers: [{ peerId: string; consumerId: string; layers: types.ConsumerLayers | null }];
  consumerScore: [{ peerId: string; consumerId: string; score: number; producerScore: number }];
  /** An edge worker died under these viewers: their transports are gone, the show's producers are not; they watch again. */
  peersMoved: [{ peerIds: string[] }];
  closed: [RoomCloseReason];
}

/**
 * A show's media: an origin router on one worker that the host publishes to,
 * edge routers on the node's other workers fed from it by pipeToRouter, the
 * host's producers, and a transport pair per viewer. Viewers' receive
 * transports go to the least loaded worker (consumer count), so one show is not
 * capped by one worker. Peers are keyed by socket id. `close()` is safe to call
 * twice and releases everything; the media service forgets the room on `closed`.
 *
 * On an edge node of a cluster the origin router has no host: its producers are
 * pipe producers fed from the origin node (server/media/cluster), registered
 * with `adoptRemoteProducer`.
 *
 * Per peer the room holds at most one transport per direction (a new one
 * replaces the old) and at most one consumer per producer (consuming again
 * replaces it), so what one connection can hold is bounded by the show itself.
 */
export class ShowMediaRoom extends EventEmitter<RoomEvents> {
  private readonly peers = new Map<string, MediaPeer>();
  private readonly edges = new Map<types.Worker, Promise<RouterSlot>>();
  private readonly remoteProducers = new Map<string, types.Producer>();
  private closed = false;
  /**
   * Set by the cluster layer on every room: brings the producers piped from
   * another node up to date before a viewer is served (a no-op on the origin).
   */
  refreshRemote: () => Promise<void> = () => Promise.resolve();

  private constructor(
    readonly showId: string,
    private readonly origin: RouterSlot,
    private readonly pool: MediaWorkerPool | undefined,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  /** `pool`: where edge routers come from; without one every viewer shares the origin's worker. */
  static async create(
    showId: string,
    { worker, webRtcServer }: MediaWorker,
    config: MediaConfig,
    log: Logger,
    pool?: MediaWorkerPool,
  ): Promise<ShowMediaRoom> {
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    const origin = { worker, webRtcServer, router, piped: new Map<string, Promise<void>>(), peerIds: new Set<string>() };
    const room = new ShowMediaRoom(showId, origin, pool, config, log.child({ showId, routerId: router.id }));
    // mediasoup closes a dead worker's routers with 'workerclose' before their observer's 'close'.
    router.once('workerclose', () => room.close('workerDied'));
    router.observer.once('close', () => room.close());
    return room;
  }

  /** The worker of the origin router: the one whose death restarts the show. */
  get worker(): types.Worker {
    return this.origin.worker;
  }

  /** Where the host's producers live: pipes to other nodes start here. */
  get originRouter(): types.Router {
    return this.origin.router;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.origin.router.rtpCapabilities;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The producers a newly arriving viewer should consume. */
  producerList(): { producerId: string; kind: types.MediaKind; publisher: PublisherTag | null }[] {
    return this.allProducers().map((p) => ({ producerId: p.id, kind: p.kind, publisher: publisherOf(p) }));
  }

  /** The producers published on this node (not those piped in from another): what this node can serve as an origin. */
  localProducers(): types.Producer[] {
    return [...this.peers.values()].flatMap((peer) => [...peer.producers.values()]);
  }

  /**
   * A producer the cluster layer made on the origin router from a pipe of the
   * origin node. It is not announced: the origin node announces its producers
   * to the whole show, on every node, through the realtime layer.
   */
  adoptRemoteProducer(producer: types.Producer): void {
    if (this.closed) return void producer.close();
    this.remoteProducers.set(producer.id, producer);
    producer.observer.once('close', () => this.remoteProducers.delete(producer.id));
    this.pipeToEdges(producer.id);
  }

  /** Which worker a peer's transport of a direction lives on (operators' logs and tests). */
  workerOf(peerId: string, direction: TransportDirection): types.Worker | undefined {
    for (const entry of this.peers.get(peerId)?.transports.values() ?? []) if (entry.direction === direction) return entry.slot.worker;
    return undefined;
  }

  /** The router a peer's transport lives on (tests consume from it directly). */
  routerOf(peerId: string, transportId: string): types.Router {
    return this.transport(peerId, transportId).slot.router;
  }

  /** A peer's transport of a direction; an earlier one of the same direction is closed (with its producers or consumers). */
  async createTransport(peerId: string, direction: TransportDirection): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    // The host sends to the origin; a viewer receives wherever there is room.
    const slot = direction === 'send' ? this.origin : await this.viewerSlot();
    const transport = await createPeerTransport(slot.router, slot.webRtcServer, this.config.transportConnectTimeoutMs);
    if (this.closed) {
      transport.close();
      throw new AppError('STREAM_RESTARTED', `room ${this.showId} closed while creating a transport`);
    }
    for (const earlier of [...peer.transports.values()]) if (earlier.direction === direction) earlier.transport.close();
    slot.peerIds.add(peerId);
    transport.observer.once('close', () => {
      peer.transports.delete(transport.id);
      // mediasoup closes a dead router's transports before it says 'workerclose'.
      if (!slot.router.closed && ![...peer.transports.values()].some((t) => t.slot === slot)) slot.peerIds.delete(peer.id);
    });
    peer.transports.set(transport.id, { transport, direction, slot });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      ...(this.config.turn && { iceServers: [turnCredentials(this.config.turn, peerId)] }),
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    await this.transport(peerId, transportId).transport.connect({ dtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<types.IceParameters> {
    return this.transport(peerId, transportId).transport.restartIce();
  }

  /**
   * Only the host's socket and those of guests on stage are allowed here; the
   * realtime layer asks the domain before calling. Guests go through exactly
   * the host's path: same transport limits, same producer options.
   */
  async produce(
    peerId: string,
    transportId: string,
    kind: types.MediaKind,
    rtpParameters: types.RtpParameters,
    publisher: PublisherTag | null = null,
  ): Promise<string> {
    const { transport, direction } = this.transport(peerId, transportId);
    if (direction !== 'send') throw new AppError('INVALID_INPUT', 'produce on a receive transport');
    const producer = await transport.produce({
      kind,
      rtpParameters,
      ...(kind === 'video' && { keyFrameRequestDelay: KEY_FRAME_REQUEST_DELAY_MS }),
      appData: { publisher },
    });
    this.publish(peerId, producer);
    return producer.id;
  }

  /**
   * Makes a producer on the origin router the show's stream of its kind: the
   * host's WebRTC one, or an ingest (tests push RTP through a DirectTransport).
   */
  publish(peerId: string, producer: types.Producer): void {
    const { kind } = producer;
    const publisher = publisherOf(producer);
    // One stream per person on stage: a new session of theirs (a reload, a
    // reconnect) replaces whatever an earlier one left behind; other people's stay.
    for (const [otherId, other] of this.peers) {
      if (otherId === peerId) continue;
      for (const stale of other.producers.values())
        if (stale.kind === kind && publisherOf(stale)?.userId === publisher?.userId) stale.close();
    }
    const peer = this.peer(peerId);
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      if (!this.closed) this.emit('producerClosed', { producerId: producer.id });
    });
    // A host publishing here makes this node the show's origin: the host's streams piped in from elsewhere are stale
    // (guests' streams piped in from their own nodes are not).
    if (!publisher?.guest) for (const remote of [...this.remoteProducers.values()]) if (!publisherOf(remote)?.guest) remote.close();
    this.log.info({ peerId, producerId: producer.id, kind, guest: publisher?.guest ?? false }, 'producer added');
    this.pipeToEdges(producer.id);
    this.emit('producerAdded', { producerId: producer.id, kind, publisher });
  }

  /**
   * Consumers start paused; the client resumes once its track is wired up, so no
   * keyframe is wasted. Video starts on the lowest simulcast layer.
   */
  async consume(peerId: string, transportId: string, producerId: string, rtpCapabilities: types.RtpCapabilities): Promise<ConsumeResult> {
    const { transport, direction, slot } = this.transport(peerId, transportId);
    if (direction !== 'recv') throw new AppError('INVALID_INPUT', 'consume on a send transport');
    // Announced by the origin node before its pipe reached this one.
    if (!this.findProducer(producerId)) await this.refreshRemote();
    if (slot !== this.origin && this.findProducer(producerId)) await this.pipeTo(slot, producerId);
    if (!slot.router.canConsume({ producerId, rtpCapabilities })) {
      throw new AppError('BROWSER_CANNOT_PLAY', `cannot consume ${producerId} with these capabilities`);
    }
    const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true, preferredLayers: INITIAL_PREFERRED_LAYERS });
    this.pool?.countConsumer(slot.worker, consumer);
    const peer = this.peer(peerId);
    for (const earlier of [...peer.consumers.values()]) if (earlier.producerId === producerId && earlier !== consumer) earlier.close();
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    consumer.on('producerclose', () => consumer.close());
    if (hasLayers(consumer)) {
      // peer.id, not peerId: a prepared watch's events go to the socket that claimed it.
      consumer.on('layerschange', (layers) =>
        this.emit('consumerLayers', { peerId: peer.id, consumerId: consumer.id, layers: layers ?? null }),
      );
      consumer.on('score', ({ score, producerScore }) =>
        this.emit('consumerScore', { peerId: peer.id, consumerId: consumer.id, score, producerScore }),
      );
    }
    const producer = this.findProducer(producerId);
    return {
      consumer: {
        id: consumer.id,
        producerId,
        kind: consumer.kind,
        rtpParameters: consumer.rtpParameters,
        publisher: producer ? publisherOf(producer) : null,
      },
      layers: consumerLayerInfo(consumer),
    };
  }

  /**
   * A viewer's whole receive side in one step: a receive transport and a
   * consumer of every producer. Running consumers send nothing until the
   * transport's DTLS is up; mediasoup then asks the host for a key frame on
   * the consumer's layer (its simulcast consumer does so when its transport
   * connects and when it is resumed), so the first frame is not waited for
   * behind a separate resume. Paused ones (a swipe feed preparing the next
   * show) cost no bandwidth until `resumeConsumer`.
   */
  async watch(
    peerId: string,
    rtpCapabilities: types.RtpCapabilities,
    { paused, skipUserId = null }: { paused: boolean; skipUserId?: string | null },
  ): Promise<WatchResult> {
    await this.refreshRemote();
    const transport = await this.createTransport(peerId, 'recv');
    // A guest on stage does not receive their own camera and microphone back (no echo).
    const producers = this.producerList()
      .filter((p) => !(p.publisher?.guest && p.publisher.userId === skipUserId))
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1));
    const consumers = await Promise.all(
      producers.map(async ({ producerId }) => {
        const result = await this.consume(peerId, transport.id, producerId, rtpCapabilities);
        if (!paused) await this.resumeConsumer(peerId, result.consumer.id);
        return { ...result, paused };
      }),
    );
    return { transport, consumers };
  }

  /** mediasoup clamps the request to the layers the producer has; the answer is what it kept. */
  async setPreferredLayers(peerId: string, consumerId: string, layers: types.ConsumerLayers): Promise<types.ConsumerLayers | null> {
    const consumer = this.consumer(peerId, consumerId);
    if (!hasLayers(consumer)) throw new AppError('INVALID_STATE', `consumer ${consumerId} has no layers`);
    await consumer.setPreferredLayers(layers);
    return consumer.preferredLayers ?? null;
  }

  /** A viewer whose page is hidden stops receiving until it comes back; a resume asks for a key frame. */
  async pauseConsumer(peerId: string, consumerId: string): Promise<void> {
    await this.consumer(peerId, consumerId).pause();
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    await this.consumer(peerId, consumerId).resume();
  }

  closeProducers(peerId: string): void {
    for (const producer of this.peers.get(peerId)?.producers.values() ?? []) producer.close();
  }

  /**
   * A guest taken off the stage (or who left it): every producer they send, from
   * any of their connections, closes at once with its send transport, so viewers'
   * consumers end now rather than when the browser notices. Their receive side stays.
   */
  closePublisher(userId: string): number {
    let closed = 0;
    for (const peer of this.peers.values()) {
      const theirs = [...peer.producers.values()].filter((p) => publisherOf(p)?.userId === userId);
      if (theirs.length === 0) continue;
      closed += theirs.length;
      for (const producer of theirs) producer.close();
      for (const { transport, direction } of [...peer.transports.values()]) if (direction === 'send') transport.close();
    }
    return closed;
  }

  /**
   * Hands what one key holds to another: a socket claiming the receive side prepared with its page
   * (server/media/prepared-watch.ts). Whatever the new key already received is replaced, as a second
   * receive transport replaces the first.
   */
  renamePeer(fromId: string, toId: string): void {
    const peer = this.peers.get(fromId);
    if (!peer) throw new AppError('NOT_FOUND', `peer ${fromId} not found`);
    this.peers.delete(fromId);
    const target = this.peers.get(toId);
    if (!target) {
      peer.id = toId;
      this.peers.set(toId, peer);
    } else {
      // The socket may also send (a host or guest looking at the page): only its receive side is replaced.
      for (const { transport, direction } of [...target.transports.values()]) if (direction === 'recv') transport.close();
      for (const [id, entry] of peer.transports) target.transports.set(id, entry);
      for (const [id, consumer] of peer.consumers) target.consumers.set(id, consumer);
      // Their close handlers remove them from `peer`: it must keep pointing at the same maps' owner.
      peer.id = toId;
      peer.transports = target.transports;
      peer.consumers = target.consumers;
    }
    for (const { slot } of peer.transports.values()) {
      slot.peerIds.delete(fromId);
      slot.peerIds.add(toId);
    }
  }

  removePeer(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    for (const { transport } of peer.transports.values()) transport.close();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Whether this connection holds any transport here. */
  hasTransports(peerId: string): boolean {
    return (this.peers.get(peerId)?.transports.size ?? 0) > 0;
  }

  /** Peers holding a receive transport: this room's WebRTC viewers (the node's cap sends the rest to HLS). */
  get receivingPeerCount(): number {
    let count = 0;
    for (const peer of this.peers.values()) if ([...peer.transports.values()].some((t) => t.direction === 'recv')) count++;
    return count;
  }

  /** How many transports and consumers a peer holds (the caps are checked by tests and logs). */
  peerUsage(peerId: string): { transports: number; consumers: number } {
    const peer = this.peers.get(peerId);
    return { transports: peer?.transports.size ?? 0, consumers: peer?.consumers.size ?? 0 };
  }

  close(reason: RoomCloseReason = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    if (reason === 'workerDied') this.log.warn('media room lost its worker');
    for (const peerId of [...this.peers.keys()]) this.removePeer(peerId);
    for (const edge of this.edges.values())
      edge.then(
        ({ router }) => router.close(),
        () => undefined,
      );
    this.edges.clear();
    this.origin.router.close();
    this.emit('closed', reason);
  }

  private allProducers(): types.Producer[] {
    return [...this.localProducers(), ...this.remoteProducers.values()];
  }

  private findProducer(producerId: string): types.Producer | undefined {
    return this.allProducers().find((p) => p.id === producerId);
  }

  /**
   * The least loaded live worker of the node carries a new viewer; on a tie the
   * origin's, which needs no pipe. Without a pool (or one worker) it is always the origin.
   */
  private async viewerSlot(): Promise<RouterSlot> {
    const chosen = this.pool?.leastLoaded(this.origin.worker);
    if (!chosen || chosen.worker === this.origin.worker) return this.origin;
    let pending = this.edges.get(chosen.worker);
    if (!pending) {
      pending = this.createEdge(chosen);
      this.edges.set(chosen.worker, pending);
      pending.catch(() => this.edges.get(chosen.worker) === pending && this.edges.delete(chosen.worker));
    }
    const slot = await pending;
    // Every producer is in the edge before a viewer there asks for one.
    await Promise.all(this.allProducers().map((p) => this.pipeTo(slot, p.id)));
    return slot;
  }

  private async createEdge({ worker, webRtcServer }: MediaWorker): Promise<RouterSlot> {
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    const slot: RouterSlot = { worker, webRtcServer, router, piped: new Map(), peerIds: new Set() };
    if (this.closed) {
      router.close();
      throw new AppError('STREAM_RESTARTED', `room ${this.showId} closed while adding a worker`);
    }
    router.once('workerclose', () => this.loseEdge(slot));
    this.log.info({ edgeRouterId: router.id, workerPid: worker.pid }, 'show spread to another worker');
    return slot;
  }

  /** The viewers of a dead edge worker watch again; the next placement skips the dead worker. */
  private loseEdge(slot: RouterSlot): void {
    this.edges.delete(slot.worker);
    if (this.closed) return;
    const moved = [...slot.peerIds].filter((peerId) => this.peers.has(peerId));
    this.log.warn({ workerPid: slot.worker.pid, viewers: moved.length }, 'an edge worker of the show died; its viewers move');
    if (moved.length > 0) this.emit('peersMoved', { peerIds: moved });
  }

  private pipeToEdges(producerId: string): void {
    for (const pending of this.edges.values())
      pending
        .then(
          (slot) => this.pipeTo(slot, producerId),
          () => undefined,
        )
        .catch((error: unknown) => this.log.warn({ err: error, producerId }, 'piping a producer to an edge worker failed'));
  }

  /** Each producer is piped once per edge router; its pipe producer closes with it and is forgotten then. */
  private pipeTo(slot: RouterSlot, producerId: string): Promise<void> {
    let pending = slot.piped.get(producerId);
    if (!pending) {
      pending = this.origin.router.pipeToRouter({ producerId, router: slot.router }).then(({ pipeProducer }) => {
        pipeProducer?.observer.once('close', () => slot.piped.delete(producerId));
      });
      slot.piped.set(producerId, pending);
      pending.catch(() => slot.piped.get(producerId) === pending && slot.piped.delete(producerId));
    }
    return pending;
  }

  private peer(peerId: string): MediaPeer {
    if (this.closed) throw new AppError('STREAM_RESTARTED', `room ${this.showId} is closed`);
    let peer = this.peers.get(peerId);
    if (!peer) {
      peer = { id: peerId, transports: new Map(), producers: new Map(), consumers: new Map() };
      this.peers.set(peerId, peer);
    }
    return peer;
  }

  private consumer(peerId: string, consumerId: string): types.Consumer {
    const consumer = this.peer(peerId).consumers.get(consumerId);
    if (!consumer) throw new AppError('NOT_FOUND', `consumer ${consumerId} not found`);
    return consumer;
  }

  private transport(peerId: string, transportId: string) {
    const entry = this.peer(peerId).transports.get(transportId);
    if (!entry) throw new AppError('NOT_FOUND', `transport ${transportId} not found for ${peerId}`);
    return entry;
  }
}
