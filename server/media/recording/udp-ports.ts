import { createSocket } from 'node:dgram';

function bindUdp(port: number): Promise<import('node:dgram').Socket | null> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(null);
    });
    socket.bind(port, '127.0.0.1', () => resolve(socket));
  });
}

/**
 * An even UDP port whose next one is free as well: ffmpeg takes RTP on the port an SDP names and
 * RTCP on the next. Both are checked by binding them, then released for ffmpeg to take.
 */
export async function freeUdpPortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const probe = await bindUdp(0);
    if (!probe) continue;
    const port = probe.address().port & ~1;
    probe.close();
    if (port < 1024 || port > 65_000) continue;
    const [rtp, rtcp] = await Promise.all([bindUdp(port), bindUdp(port + 1)]);
    rtp?.close();
    rtcp?.close();
    if (rtp && rtcp) return port;
  }
  throw new Error('no free pair of UDP ports for the recorder');
}
