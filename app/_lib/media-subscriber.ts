'use client';

import type { Device } from 'mediasoup-client';
import type { ConnectionState, Consumer, ConsumerOptions, Transport, TransportOptions } from 'mediasoup-client/types';
import type { ClientToServerEvents, ServerToClientEvents } from '@/server/realtime/protocol';
import { adoptingDevice, takeBootWatch, type BootWatch } from './adopted-watch';
import { asClient, createTransport, deviceFor, loadDevice, wireTransport } from './media-signalling';
import { call, type ShowClientSocket } from './show-socket';

/** What the viewer knows about its video consumer, for choosing a layer. */
export interface VideoFeed {
  consumerId: string;
  spatialLayers: number;
  /** The last layer asked for. */
  preferredLayer: number;
  /** The layer the server says it is sending; null before the first report or while nothing is sent. */
  spatialLayer: number | null;
  /** The link's score, 0–10; mediasoup starts every consumer at 10. */
  score: number;
  paused: boolean;
}

type LayersEvent = Parameters<ServerToClientEvents['media:layers']>[0];
type ConsumeAnswer = Omit<Extract<Parameters<Parameters<ClientToServerEvents['media:consume']>[1]>[0], { ok: true }>, 'ok'>;
type ScoreEvent = Parameters<ServerToClientEvents['media:score']>[0];
type WatchAnswer = Omit<Extract<Parameters<Parameters<ClientToServerEvents['media:watch']>[1]>[0], { ok: true }>, 'ok'>;

/** One video consumer as the layer policy drives it (app/_lib/adaptive-video.ts): the host's, or a guest's. */
export interface AdaptiveFeed {
  readonly video: VideoFeed | null;
  setVideoLayer(spatialLayer: number): Promise<void>;
  pauseVideo(): Promise<void>;
  resumeVideo(): Promise<void>;
  onVideoChange(listener: (feed: VideoFeed | null) => void): () => void;
}

/** A guest on stage as the viewer receives them: their own stream, shown in its own tile, with its own layer policy. */
export interface GuestStream {
  userId: string;
  stream: MediaStream;
  feed: AdaptiveFeed;
}

/**
 * One video consumer, the host's or a guest's: it starts on the lowest layer and is moved up and
 * down by the layer policy, sized to its own element (a guest's picture-in-picture tile stays low).
 */
class ConsumerFeed implements AdaptiveFeed {
  video: VideoFeed | null = null;
  consumer: Consumer | null = null;
  private readonly listeners = new Set<(feed: VideoFeed | null) => void>();

  constructor(
    private readonly socket: ShowClientSocket,
    private readonly showId: string,
  ) {}

  set(feed: VideoFeed | null): void {
    this.video = feed;
    for (const listener of this.listeners) listener(feed);
  }

  /** Called with the video feed whenever its layers, score or pause change. */
  onVideoChange(listener: (feed: VideoFeed | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  forgetListeners(): void {
    this.listeners.clear();
  }

  async setVideoLayer(spatialLayer: number): Promise<void> {
    const feed = this.video;
    if (!feed || feed.spatialLayers <= 1) return;
    const { preferred } = await call(this.socket, 'media:setPreferredLayers', {
      showId: this.showId,
      consumerId: feed.consumerId,
      spatialLayer,
    });
    if (this.video === feed) this.set({ ...feed, preferredLayer: preferred?.spatialLayer ?? spatialLayer });
  }

  /** Stops the server sending video (the page is hidden); audio keeps playing. */
  async pauseVideo(): Promise<void> {
    const feed = this.video;
    if (!feed || feed.paused) return;
    await call(this.socket, 'media:pauseConsumer', { showId: this.showId, consumerId: feed.consumerId });
    this.consumer?.pause();
    if (this.video === feed) this.set({ ...feed, paused: true });
  }

  async resumeVideo(): Promise<void> {
    const feed = this.video;
    if (!feed?.paused) return;
    await call(this.socket, 'media:resumeConsumer', { showId: this.showId, consumerId: feed.consumerId });
    this.consumer?.resume();
    if (this.video === feed) this.set({ ...feed, paused: false });
  }
}

/**
 * A viewer's incoming streams: one receive transport, a consumer per track. The
 * host's tracks make `stream` (the layer policy follows its video); each guest
 * on stage gets a stream of their own in `guests`.
 */
export class Subscriber implements AdaptiveFeed {
  private readonly guestStreams = new Map<string, MediaStream>();
  private readonly guestFeeds = new Map<string, ConsumerFeed>();
  private readonly guestListeners = new Set<(guests: GuestStream[]) => void>();
  private readonly consumers = new Map<string, Consumer | null>();
  /** The host's video, which the page's layer policy drives through this subscriber. */
  private readonly host: ConsumerFeed;
  private readonly pausedIds = new Set<string>();

  private constructor(
    private readonly socket: ShowClientSocket,
    private readonly showId: string,
    private readonly device: Device,
    private readonly transport: Transport,
    /** The host's tracks; an adopted watch keeps the stream the page's <video> already plays. */
    readonly stream: MediaStream = new MediaStream(),
  ) {
    this.host = new ConsumerFeed(socket, showId);
    socket.on('media:layers', this.onLayers);
    socket.on('media:score', this.onScore);
  }

  static async start(socket: ShowClientSocket, showId: string): Promise<Subscriber> {
    const device = await loadDevice(socket, showId);
    const transport = await createTransport(socket, showId, device, 'recv');
    return new Subscriber(socket, showId, device, transport);
  }

  /**
   * The receive side in one round trip (media:watch): the device loads from the
   * router capabilities the page was rendered with, and the server answers with
   * the transport and a consumer of every producer at once. Paused consumers
   * (a swipe feed's next show) start with `resumePaused`.
   */
  static async watch(socket: ShowClientSocket, showId: string, routerRtpCapabilities: unknown, paused = false): Promise<Subscriber> {
    const device = await deviceFor(routerRtpCapabilities);
    const answer = await call(socket, 'media:watch', {
      showId,
      rtpCapabilities: device.rtpCapabilities as unknown as Record<string, unknown>,
      paused,
    });
    performance.mark('lc:watch-answered');
    return Subscriber.from(socket, showId, device, answer);
  }

  /**
   * A page's first receive side: the one its boot script connected (app/shows/[showId]/boot-watch.ts) if
   * there is one and it can be adopted, else one media:watch. Decided here, in the media chunk, so the
   * page's first load carries none of it.
   */
  static first(socket: ShowClientSocket, showId: string, routerRtpCapabilities: unknown): Promise<Subscriber> {
    const boot = takeBootWatch();
    const watch = () => Subscriber.watch(socket, showId, routerRtpCapabilities);
    return boot ? Subscriber.adopt(socket, showId, routerRtpCapabilities, boot).catch(watch) : watch();
  }

  /**
   * The receive side the server prepared with the page and the boot script already connected
   * (app/_lib/adopted-watch.ts): the socket claims it (media:claim) and this subscriber drives the
   * same RTCPeerConnection and tracks. Throws when it cannot (the boot failed, the token expired, a
   * socket on another node), after closing the boot's connection: the caller then watches anew.
   */
  static async adopt(socket: ShowClientSocket, showId: string, routerRtpCapabilities: unknown, boot: BootWatch): Promise<Subscriber> {
    try {
      // The boot script makes its connection once its certificate exists, which may be after this page hydrated:
      // the device reads it only when the transport is created, after `ready`.
      const connection = () => {
        if (!boot.pc) throw new Error('the boot script made no connection');
        return boot.pc;
      };
      const [device] = await Promise.all([adoptingDevice(connection, routerRtpCapabilities), boot.ready]);
      if (!device) throw new Error('this browser cannot adopt the prepared connection');
      const answer = await call(socket, 'media:claim', { showId, token: boot.token });
      performance.mark('lc:watch-answered');
      return await Subscriber.from(socket, showId, device, answer, boot.stream);
    } catch (error) {
      boot.pc?.close();
      throw error;
    }
  }

  private static async from(
    socket: ShowClientSocket,
    showId: string,
    device: Device,
    { transport: params, consumers }: WatchAnswer,
    stream?: MediaStream,
  ): Promise<Subscriber> {
    const transport = device.createRecvTransport(asClient<TransportOptions>(params));
    wireTransport(socket, showId, transport);
    transport.on('connectionstatechange', (state) => state === 'connected' && performance.mark('lc:transport-connected'));
    const subscriber = new Subscriber(socket, showId, device, transport, stream);
    for (const { consumer } of consumers) subscriber.consumers.set(consumer.producerId, null);
    // mediasoup-client negotiates them one after another; the transport connects on the first.
    await Promise.all(consumers.map((answer) => subscriber.attach(answer, answer.paused)));
    return subscriber;
  }

  async consume(producerId: string): Promise<void> {
    if (this.consumers.has(producerId)) return;
    this.consumers.set(producerId, null); // claimed before the await so a duplicate announcement is ignored
    const answer = await call(this.socket, 'media:consume', {
      showId: this.showId,
      transportId: this.transport.id,
      producerId,
      rtpCapabilities: this.device.rtpCapabilities as unknown as Record<string, unknown>,
    });
    const consumer = await this.attach(answer, false);
    await call(this.socket, 'media:resumeConsumer', { showId: this.showId, consumerId: consumer.id });
    performance.mark('lc:consumer-resumed');
  }

  /** Resumes what `watch` prepared paused; the server asks the host for a key frame as each resumes. */
  async resumePaused(): Promise<void> {
    const paused = [...this.pausedIds];
    this.pausedIds.clear();
    await Promise.all(paused.map((consumerId) => call(this.socket, 'media:resumeConsumer', { showId: this.showId, consumerId })));
    for (const feed of this.feeds()) if (feed.video?.paused) feed.set({ ...feed.video, paused: false });
  }

  /** Stops the server sending anything (a swipe feed's show scrolled out of view); `resumePaused` starts it again. */
  async pauseAll(): Promise<void> {
    const running = [...this.consumers.values()].filter((c): c is Consumer => c !== null && !this.pausedIds.has(c.id));
    for (const consumer of running) this.pausedIds.add(consumer.id);
    await Promise.all(running.map((c) => call(this.socket, 'media:pauseConsumer', { showId: this.showId, consumerId: c.id })));
    for (const feed of this.feeds()) if (feed.video && !feed.video.paused) feed.set({ ...feed.video, paused: true });
  }

  private async attach({ consumer: params, layers }: ConsumeAnswer, paused: boolean): Promise<Consumer> {
    const consumer = await this.transport.consume(asClient<ConsumerOptions>(params));
    this.consumers.set(consumer.producerId, consumer);
    if (paused) this.pausedIds.add(consumer.id);
    if (params.publisher?.guest) {
      const { userId } = params.publisher;
      const stream = this.guestStreams.get(userId) ?? new MediaStream();
      stream.addTrack(consumer.track);
      this.guestStreams.set(userId, stream);
      if (consumer.kind === 'video') {
        const feed = this.guestFeedOf(userId);
        feed.consumer = consumer;
        feed.set({
          consumerId: consumer.id,
          spatialLayers: layers.spatialLayers,
          preferredLayer: layers.preferred?.spatialLayer ?? 0,
          spatialLayer: null,
          score: 10,
          paused,
        });
      }
      this.emitGuests();
      return consumer;
    }
    this.stream.addTrack(consumer.track);
    if (consumer.kind === 'video') {
      this.host.consumer = consumer;
      this.host.set({
        consumerId: consumer.id,
        spatialLayers: layers.spatialLayers,
        preferredLayer: layers.preferred?.spatialLayer ?? 0,
        spatialLayer: null,
        score: 10,
        paused,
      });
    }
    return consumer;
  }

  /** Calls the listener whenever the receive transport's WebRTC connection changes state. */
  onConnectionStateChange(listener: (state: ConnectionState) => void): () => void {
    this.transport.on('connectionstatechange', listener);
    return () => this.transport.off('connectionstatechange', listener);
  }

  get video(): VideoFeed | null {
    return this.host.video;
  }

  get guests(): GuestStream[] {
    return [...this.guestStreams].map(([userId, stream]) => ({ userId, stream, feed: this.guestFeedOf(userId) }));
  }

  /** Called with the guests' streams whenever a guest's track comes or goes. */
  onGuestsChange(listener: (guests: GuestStream[]) => void): () => void {
    this.guestListeners.add(listener);
    return () => this.guestListeners.delete(listener);
  }

  onVideoChange(listener: (feed: VideoFeed | null) => void): () => void {
    return this.host.onVideoChange(listener);
  }

  setVideoLayer(spatialLayer: number): Promise<void> {
    return this.host.setVideoLayer(spatialLayer);
  }

  pauseVideo(): Promise<void> {
    return this.host.pauseVideo();
  }

  resumeVideo(): Promise<void> {
    return this.host.resumeVideo();
  }

  /** Drops the consumers of producers that are gone (the host stopped a track). */
  keepOnly(producerIds: string[]): void {
    for (const producerId of [...this.consumers.keys()]) if (!producerIds.includes(producerId)) this.removeProducer(producerId);
  }

  removeProducer(producerId: string): void {
    const consumer = this.consumers.get(producerId);
    this.consumers.delete(producerId);
    if (!consumer) return;
    if (consumer.id === this.host.video?.consumerId) {
      this.host.consumer = null;
      this.host.set(null);
    }
    this.stream.removeTrack(consumer.track);
    for (const [userId, stream] of this.guestStreams) {
      if (!stream.getTracks().includes(consumer.track)) continue;
      stream.removeTrack(consumer.track);
      if (this.guestFeeds.get(userId)?.video?.consumerId === consumer.id) this.guestFeeds.get(userId)?.set(null);
      // A guest without video has left the stage (or stopped the camera): the tile goes.
      if (stream.getVideoTracks().length === 0) {
        this.guestStreams.delete(userId);
        this.guestFeeds.delete(userId);
      }
      this.emitGuests();
    }
    consumer.close();
  }

  close(): void {
    this.socket.off('media:layers', this.onLayers);
    this.socket.off('media:score', this.onScore);
    this.host.forgetListeners();
    this.guestListeners.clear();
    this.transport.close();
    for (const track of this.stream.getTracks()) track.stop();
    for (const stream of this.guestStreams.values()) for (const track of stream.getTracks()) track.stop();
  }

  private guestFeedOf(userId: string): ConsumerFeed {
    let feed = this.guestFeeds.get(userId);
    if (!feed) this.guestFeeds.set(userId, (feed = new ConsumerFeed(this.socket, this.showId)));
    return feed;
  }

  /** The host's video and every guest's. */
  private feeds(): ConsumerFeed[] {
    return [this.host, ...this.guestFeeds.values()];
  }

  private feedWith(consumerId: string): ConsumerFeed | undefined {
    return this.feeds().find((feed) => feed.video?.consumerId === consumerId);
  }

  private emitGuests(): void {
    const guests = this.guests;
    for (const listener of this.guestListeners) listener(guests);
  }

  private readonly onLayers = ({ showId, consumerId, spatialLayer }: LayersEvent) => {
    if (showId !== this.showId) return;
    const feed = this.feedWith(consumerId);
    if (feed?.video) feed.set({ ...feed.video, spatialLayer });
  };

  private readonly onScore = ({ showId, consumerId, score }: ScoreEvent) => {
    if (showId !== this.showId) return;
    const feed = this.feedWith(consumerId);
    if (feed?.video) feed.set({ ...feed.video, score });
  };
}
