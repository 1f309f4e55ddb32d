import type { types } from 'mediasoup';

// Test support for the media tests: an Opus "host" pushed from Node through a
// DirectTransport, and a tap that counts what reaches a router. Audio, because
// mediasoup forwards video only from a key frame on.

const OPUS_PAYLOAD_TYPE = 100;

export interface RtpIngest {
  producer: types.Producer;
  /** Sends one RTP packet now. */
  sendPacket(): void;
  close(): void;
}

/** `appData`: e.g. `{ publisher: { userId, guest: true } }` for a guest's microphone on stage. */
export async function opusIngest(router: types.Router, ssrc = 1111, appData: Record<string, unknown> = {}): Promise<RtpIngest> {
  const transport = await router.createDirectTransport();
  const producer = await transport.produce({
    kind: 'audio',
    appData,
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc }],
    },
  });
  let seq = 0;
  return {
    producer,
    sendPacket() {
      seq = (seq + 1) & 0xffff;
      const packet = Buffer.alloc(12 + 20, 0xab);
      packet[0] = 0x80;
      packet[1] = OPUS_PAYLOAD_TYPE;
      packet.writeUInt16BE(seq, 2);
      packet.writeUInt32BE((seq * 960) >>> 0, 4);
      packet.writeUInt32BE(ssrc, 8);
      producer.send(packet);
    },
    close: () => transport.close(),
  };
}

/** Consumes a producer of `router` and counts the RTP packets it forwards. */
export async function rtpTap(router: types.Router, producerId: string): Promise<{ received: () => number; close(): void }> {
  const transport = await router.createDirectTransport();
  const consumer = await transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities });
  let count = 0;
  consumer.on('rtp', () => count++);
  return { received: () => count, close: () => transport.close() };
}

/** Sends packets every 20 ms until `done` says enough arrived (or gives up after a minute). */
export async function pumpUntil(ingest: () => RtpIngest, done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (done()) return;
    ingest().sendPacket();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** A VP8 "camera" on a DirectTransport that sends nothing: for tests that need a video producer to exist. */
export async function silentVideo(router: types.Router, ssrc = 2222): Promise<{ producer: types.Producer; close(): void }> {
  const transport = await router.createDirectTransport();
  const producer = await transport.produce({
    kind: 'video',
    rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }], encodings: [{ ssrc }] },
  });
  return { producer, close: () => transport.close() };
}
