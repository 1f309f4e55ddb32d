'use client';

import type { Device } from 'mediasoup-client';
import type { ConnectionState, MediaKind, Producer, Transport } from 'mediasoup-client/types';
import { createTransport, loadDevice } from './media-signalling';
import { audioProducerOptions, videoProducerOptions } from './publish-options';
import { call, type ShowClientSocket } from './show-socket';

/** The host's outgoing camera and microphone. */
export class Publisher {
  private readonly producers = new Map<MediaKind, Producer>();

  private constructor(
    private readonly device: Device,
    private readonly transport: Transport,
  ) {}

  static async start(socket: ShowClientSocket, showId: string, stream: MediaStream): Promise<Publisher> {
    const device = await loadDevice(socket, showId);
    const transport = await createTransport(socket, showId, device, 'send');
    transport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      call(socket, 'media:produce', {
        showId,
        transportId: transport.id,
        kind,
        rtpParameters: rtpParameters as unknown as Record<string, unknown>,
      }).then(({ producerId }) => callback({ id: producerId }), errback);
    });
    const publisher = new Publisher(device, transport);
    for (const track of stream.getTracks()) await publisher.publish(track);
    return publisher;
  }

  get connectionState(): ConnectionState {
    return this.transport.connectionState;
  }

  /** Calls the listener whenever the send transport's WebRTC connection changes state. */
  onConnectionStateChange(listener: (state: ConnectionState) => void): () => void {
    this.transport.on('connectionstatechange', listener);
    return () => this.transport.off('connectionstatechange', listener);
  }

  /**
   * Switches camera or microphone while live without a new producer, so viewers
   * keep their consumers. A kind that was not sent yet starts being sent; null
   * sends nothing for that kind until a track is given again.
   */
  async replaceTrack(kind: MediaKind, track: MediaStreamTrack | null): Promise<void> {
    if (track && track.kind !== kind) throw new Error(`replaceTrack: a ${track.kind} track given for ${kind}`);
    const producer = this.producers.get(kind);
    if (producer && !producer.closed) await producer.replaceTrack({ track });
    else if (track) await this.publish(track);
  }

  /** The send transport's WebRTC statistics (outbound-rtp per layer, candidate-pair round trip time…). */
  getStats(): Promise<RTCStatsReport> {
    return this.transport.getStats();
  }

  close(): void {
    for (const producer of this.producers.values()) producer.close();
    this.transport.close();
  }

  private async publish(track: MediaStreamTrack): Promise<void> {
    const kind = track.kind === 'video' ? 'video' : 'audio';
    const options = kind === 'video' ? videoProducerOptions(this.device, track) : audioProducerOptions(track);
    this.producers.set(kind, await this.transport.produce(options));
  }
}

export { Subscriber } from './media-subscriber';
