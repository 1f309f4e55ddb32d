import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';
import { MEDIA_CODECS, type MediaConfig } from './config';

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

const ICE_GRACE_MS = 15_000;

interface MediaPeer {
  transports: Map<string, { transport: types.WebRtcTransport; direction: TransportDirection }>;
  producers: Map<string, types.Producer>;
  consumers: Map<string, types.Consumer>;
}

interface RoomEvents {
  producerAdded: [{ producerId: string; kind: types.MediaKind }];
  producerClosed: [{ producerId: string }];
  closed: [];
}

/**
 * A show's media: one router on one worker, the host's producers, and a
 * transport pair per viewer. Peers are keyed by socket id. `close()` is safe to
 * call twice and releases everything; the media service forgets the room on `closed`.
 */
export class ShowMediaRoom extends EventEmitter<RoomEvents> {
  private readonly peers = new Map<string, MediaPeer>();
  private closed = false;

  private constructor(
    readonly showId: string,
    readonly worker: types.Worker,
    private readonly router: types.Router,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  static async create(showId: string, worker: types.Worker, config: MediaConfig, log: Logger): Promise<ShowMediaRoom> {
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    const room = new ShowMediaRoom(showId, worker, router, config, log.child({ showId, routerId: router.id }));
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

  async createTransport(peerId: string, direction: TransportDirection): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    const transport = await this.router.createWebRtcTransport({
      listenIps: [{ ip: this.config.listenIp, announcedIp: this.config.announcedIp }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
    });
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') transport.close();
    });
    // A browser that vanishes (tab killed, network gone) sends no DTLS close; ICE
    // going quiet is the sign. Give it time to come back before letting go.
    let iceTimer: NodeJS.Timeout | undefined;
    transport.on('icestatechange', (state) => {
      clearTimeout(iceTimer);
      if (state === 'disconnected') iceTimer = setTimeout(() => transport.close(), ICE_GRACE_MS);
    });
    transport.observer.once('close', () => clearTimeout(iceTimer));
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
    const producer = await transport.produce({ kind, rtpParameters });
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

  /** Consumers start paused; the client resumes once its track is wired up, so no keyframe is wasted. */
  async consume(peerId: string, transportId: string, producerId: string, rtpCapabilities: types.RtpCapabilities): Promise<ConsumerOptions> {
    const { transport, direction } = this.transport(peerId, transportId);
    if (direction !== 'recv') throw new AppError('INVALID_INPUT', 'consume on a send transport');
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new AppError('INVALID_INPUT', `cannot consume ${producerId} with these capabilities`, 'Your browser cannot play this stream.');
    }
    const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true });
    const peer = this.peer(peerId);
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    consumer.on('producerclose', () => consumer.close());
    return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters };
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    const consumer = this.peer(peerId).consumers.get(consumerId);
    if (!consumer) throw new AppError('NOT_FOUND', `consumer ${consumerId} not found`);
    await consumer.resume();
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const peerId of [...this.peers.keys()]) this.removePeer(peerId);
    this.router.close();
    this.emit('closed');
  }

  private peer(peerId: string): MediaPeer {
    if (this.closed) throw new AppError('INVALID_STATE', `room ${this.showId} is closed`, 'The stream restarted. Reconnecting…');
    let peer = this.peers.get(peerId);
    if (!peer) {
      peer = { transports: new Map(), producers: new Map(), consumers: new Map() };
      this.peers.set(peerId, peer);
    }
    return peer;
  }

  private transport(peerId: string, transportId: string) {
    const entry = this.peer(peerId).transports.get(transportId);
    if (!entry) throw new AppError('NOT_FOUND', `transport ${transportId} not found for ${peerId}`);
    return entry;
  }
}
