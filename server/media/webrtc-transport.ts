import type { types } from 'mediasoup';
import type { MediaConfig } from './config';

const ICE_GRACE_MS = 15_000;

/** A WebRTC transport that closes itself when its browser is gone for good. */
export async function createPeerTransport(router: types.Router, config: MediaConfig): Promise<types.WebRtcTransport> {
  const transport = await router.createWebRtcTransport({
    listenIps: [{ ip: config.listenIp, announcedIp: config.announcedIp }],
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
  return transport;
}
