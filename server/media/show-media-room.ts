import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';
import { MEDIA_CODECS, type MediaConfig } from './config';
import { createPeerTransport } from './webrtc-transport';
import type { MediaWorker } from './worker-pool';
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
}

export interface ConsumerOptions {
  id: string;
  producerId: string;
  kind: types.MediaKind;
  rtpParameters: types.RtpParameters;
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

interface MediaPeer {
  transports: Map<string, { transport: types.WebRtcTransport; direction: TransportDirection }>;
  producers: Map<string, types.Producer>;
  consumers: Map<string, types.Consumer>;
}

/** Why a room closed: on purpose (show ended, shutdown), or its worker process died under it. */
export type RoomCloseReason = 'closed' | 'workerDied';

interface RoomEvents {
  producerAdded: [{ producerId: string; kind: types.MediaKind }];
  producerClosed: [{ producerId: string }];
  /** The layers a viewer's video consumer is actually sending changed (null: none, e.g. paused). */
  consumerLayers: [{ peerId: string; consumerId: string; layers: types.ConsumerLayers | null }];
  consumerScore: [{ peerId: string; consumerId: string; score: number; producerScore: number }];
  closed: [RoomCloseReason];
}

/**
 * A show's media: one router on one worker, the host's producers, and a
 * transport pair per viewer. Peers are keyed by socket id. `close()` is safe to
 * call twice and releases everything; the media service forgets the room on `closed`.
 *
 * Per peer the room holds at most one transport per direction (a new one
 * replaces the old) and at most one consumer per producer (consuming again
 * replaces it), so what one connection can hold is bounded by the show itself.
 */
export class ShowMediaRoom extends EventEmitter<RoomEvents> {
  private readonly peers = new Map<string, MediaPeer>();
  private closed = false;

  private constructor(
    readonly showId: string,
    readonly worker: types.Worker,
    private readonly webRtcServer: types.WebRtcServer,
    private readonly router: types.Router,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  static async create(showId: string, { worker, webRtcServer }: MediaWorker, config: MediaConfig, log: Logger): Promise<ShowMediaRoom> {
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    const room = new ShowMediaRoom(showId, worker, webRtcServer, router, config, log.child({ showId, routerId: router.id }));
    // mediasoup closes a dead worker's routers with 'workerclose' before their observer's 'close'.
    router.once('workerclose', () => room.close('workerDied'));
    router.observer.once('close', () => room.close());
    return room;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The producers a newly arriving viewer should consume. */
  producerList(): { producerId: string; kind: types.MediaKind }[] {
    const list: { producerId: string; kind: types.MediaKind }[] = [];
    for (const peer of this.peers.values()) for (const p of peer.producers.values()) list.push({ producerId: p.id, kind: p.kind });
    return list;
  }

  /** A peer's transport of a direction; an earlier one of the same direction is closed (with its producers or consumers). */
  async createTransport(peerId: string, direction: TransportDirection): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    const transport = await createPeerTransport(this.router, this.webRtcServer, this.config.transportConnectTimeoutMs);
    if (this.closed) {
      transport.close();
      throw new AppError('STREAM_RESTARTED', `room ${this.showId} closed while creating a transport`);
    }
    for (const earlier of [...peer.transports.values()]) if (earlier.direction === direction) earlier.transport.close();
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    peer.transports.set(transport.id, { transport, direction });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    await this.transport(peerId, transportId).transport.connect({ dtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<types.IceParameters> {
    return this.transport(peerId, transportId).transport.restartIce();
  }

  /** Only the host's socket is allowed here; the realtime layer checks that before calling. */
  async produce(peerId: string, transportId: string, kind: types.MediaKind, rtpParameters: types.RtpParameters): Promise<string> {
    const { transport, direction } = this.transport(peerId, transportId);
    if (direction !== 'send') throw new AppError('INVALID_INPUT', 'produce on a receive transport');
    const producer = await transport.produce({
      kind,
      rtpParameters,
      ...(kind === 'video' && { keyFrameRequestDelay: KEY_FRAME_REQUEST_DELAY_MS }),
    });
    // One host stream per show: a new publisher (the host reloaded or reconnected)
    // replaces whatever an earlier session of theirs left behind.
    for (const [otherId, other] of this.peers) {
      if (otherId === peerId) continue;
      for (const stale of other.producers.values()) if (stale.kind === kind) stale.close();
    }
    const peer = this.peer(peerId);
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      if (!this.closed) this.emit('producerClosed', { producerId: producer.id });
    });
    this.log.info({ peerId, producerId: producer.id, kind }, 'producer added');
    this.emit('producerAdded', { producerId: producer.id, kind });
    return producer.id;
  }

  /**
   * Consumers start paused; the client resumes once its track is wired up, so no
   * keyframe is wasted. Video starts on the lowest simulcast layer.
   */
  async consume(peerId: string, transportId: string, producerId: string, rtpCapabilities: types.RtpCapabilities): Promise<ConsumeResult> {
    const { transport, direction } = this.transport(peerId, transportId);
    if (direction !== 'recv') throw new AppError('INVALID_INPUT', 'consume on a send transport');
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new AppError('BROWSER_CANNOT_PLAY', `cannot consume ${producerId} with these capabilities`);
    }
    const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true, preferredLayers: INITIAL_PREFERRED_LAYERS });
    const peer = this.peer(peerId);
    for (const earlier of [...peer.consumers.values()]) if (earlier.producerId === producerId && earlier !== consumer) earlier.close();
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    consumer.on('producerclose', () => consumer.close());
    if (hasLayers(consumer)) {
      consumer.on('layerschange', (layers) => this.emit('consumerLayers', { peerId, consumerId: consumer.id, layers: layers ?? null }));
      consumer.on('score', ({ score, producerScore }) =>
        this.emit('consumerScore', { peerId, consumerId: consumer.id, score, producerScore }),
      );
    }
    return {
      consumer: { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters },
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
  async watch(peerId: string, rtpCapabilities: types.RtpCapabilities, { paused }: { paused: boolean }): Promise<WatchResult> {
    const transport = await this.createTransport(peerId, 'recv');
    const producers = this.producerList().sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1));
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
    this.router.close();
    this.emit('closed', reason);
  }

  private peer(peerId: string): MediaPeer {
    if (this.closed) throw new AppError('STREAM_RESTARTED', `room ${this.showId} is closed`);
    let peer = this.peers.get(peerId);
    if (!peer) {
      peer = { transports: new Map(), producers: new Map(), consumers: new Map() };
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
