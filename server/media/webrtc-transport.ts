import type { types } from 'mediasoup';

const ICE_GRACE_MS = 15_000;

/**
 * A WebRTC transport on the worker's WebRtcServer (no port of its own, so no
 * number of transports can exhaust a port range) that closes itself when its
 * browser never arrives or is gone for good.
 */
export async function createPeerTransport(
  router: types.Router,
  webRtcServer: types.WebRtcServer,
  connectTimeoutMs: number,
): Promise<types.WebRtcTransport> {
  const transport = await router.createWebRtcTransport({
    webRtcServer,
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
  });
  // A transport asked for and never connected holds worker memory for nothing:
  // scripts open them by the dozen. A real browser completes DTLS within a few seconds.
  const connectTimer = setTimeout(() => transport.close(), connectTimeoutMs);
  connectTimer.unref();
  transport.on('dtlsstatechange', (state) => {
    if (state === 'connected') clearTimeout(connectTimer);
    if (state === 'failed' || state === 'closed') transport.close();
  });
  // A browser that vanishes (tab killed, network gone) sends no DTLS close; ICE
  // going quiet is the sign. Give it time to come back before letting go.
  let iceTimer: NodeJS.Timeout | undefined;
  transport.on('icestatechange', (state) => {
    clearTimeout(iceTimer);
    if (state === 'disconnected') iceTimer = setTimeout(() => transport.close(), ICE_GRACE_MS);
  });
  transport.observer.once('close', () => {
    clearTimeout(iceTimer);
    clearTimeout(connectTimer);
  });
  return transport;
}
