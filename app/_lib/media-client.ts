'use client';

import { Device } from 'mediasoup-client';
import type { Consumer, ConsumerOptions, Producer, RtpCapabilities, Transport, TransportOptions } from 'mediasoup-client/types';
import { call, type ShowClientSocket } from './show-socket';

// The protocol is typed with the server library's types; the wire format is the
// same but mediasoup-client declares it separately, hence the casts at this edge.
const asClient = <T>(value: unknown) => value as T;

async function loadDevice(socket: ShowClientSocket, showId: string): Promise<Device> {
  const { rtpCapabilities } = await call(socket, 'media:routerCapabilities', { showId });
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities: asClient<RtpCapabilities>(rtpCapabilities) });
  return device;
}

function wireTransport(socket: ShowClientSocket, showId: string, transport: Transport) {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    call(socket, 'media:connectTransport', { showId, transportId: transport.id, dtlsParameters: dtlsParameters as unknown as Record<string, unknown> }).then(
      () => callback(),
      errback,
    );
  });
}

async function createTransport(socket: ShowClientSocket, showId: string, device: Device, direction: 'send' | 'recv'): Promise<Transport> {
  const { transport: params } = await call(socket, 'media:createTransport', { showId, direction });
  const options = asClient<TransportOptions>(params);
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  wireTransport(socket, showId, transport);
  return transport;
}

/** The host's outgoing camera and microphone. */
export class Publisher {
  private constructor(
    private readonly transport: Transport,
    private readonly producers: Producer[],
  ) {}

  static async start(socket: ShowClientSocket, showId: string, stream: MediaStream): Promise<Publisher> {
    const device = await loadDevice(socket, showId);
    const transport = await createTransport(socket, showId, device, 'send');
    transport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      call(socket, 'media:produce', { showId, transportId: transport.id, kind, rtpParameters: rtpParameters as unknown as Record<string, unknown> }).then(
        ({ producerId }) => callback({ id: producerId }),
        errback,
      );
    });
    const producers: Producer[] = [];
    for (const track of stream.getTracks()) {
      producers.push(
        await transport.produce(
          track.kind === 'video'
            ? {
                track,
                // Three simulcast layers: viewers on weak links get a lower one.
                encodings: [
                  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
                  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
                  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
                ],
              }
            : { track },
        ),
      );
    }
    return new Publisher(transport, producers);
  }

  get connectionState(): string {
    return this.transport.connectionState;
  }

  close(): void {
    for (const producer of this.producers) producer.close();
    this.transport.close();
  }
}

/** A viewer's incoming stream: one receive transport, a consumer per host track. */
export class Subscriber {
  readonly stream = new MediaStream();
  private readonly consumers = new Map<string, Consumer | null>();

  private constructor(
    private readonly socket: ShowClientSocket,
    private readonly showId: string,
    private readonly device: Device,
    private readonly transport: Transport,
  ) {}

  static async start(socket: ShowClientSocket, showId: string): Promise<Subscriber> {
    const device = await loadDevice(socket, showId);
    const transport = await createTransport(socket, showId, device, 'recv');
    return new Subscriber(socket, showId, device, transport);
  }

  async consume(producerId: string): Promise<void> {
    if (this.consumers.has(producerId)) return;
    this.consumers.set(producerId, null); // claimed before the await so a duplicate announcement is ignored
    const { consumer: params } = await call(this.socket, 'media:consume', {
      showId: this.showId,
      transportId: this.transport.id,
      producerId,
      rtpCapabilities: this.device.rtpCapabilities as unknown as Record<string, unknown>,
    });
    const consumer = await this.transport.consume(asClient<ConsumerOptions>(params));
    this.consumers.set(producerId, consumer);
    this.stream.addTrack(consumer.track);
    await call(this.socket, 'media:resumeConsumer', { showId: this.showId, consumerId: consumer.id });
  }

  /** Drops the consumers of producers that are gone (the host stopped a track). */
  keepOnly(producerIds: string[]): void {
    for (const producerId of [...this.consumers.keys()]) if (!producerIds.includes(producerId)) this.removeProducer(producerId);
  }

  removeProducer(producerId: string): void {
    const consumer = this.consumers.get(producerId);
    this.consumers.delete(producerId);
    if (!consumer) return;
    this.stream.removeTrack(consumer.track);
    consumer.close();
  }

  close(): void {
    this.transport.close();
    for (const track of this.stream.getTracks()) track.stop();
  }
}
