// Plays the encoded clip into a mediasoup plain transport as a simulcast VP8 host:
// three SSRCs from one socket, 30 frames a second, looping. It also counts the key
// frame requests (PLI/FIR) mediasoup sends back: the host's side of a join storm.
// Like a browser it answers mediasoup's NACKs, resending the packets asked for
// from the last second or so of what it sent (on the same SSRC: no RTX here).
// Runs in its own process: `node --import tsx rtp-sender.ts <port> <ssrc,ssrc,ssrc> <file> <file> <file>`.
import dgram from 'node:dgram';
import { readNack } from './rtcp';
import { CLIP_FPS, ivfFrames } from './test-clip';

const [portArg, ssrcArg, ...files] = process.argv.slice(2);
const port = Number(portArg);
const ssrcs = ssrcArg!.split(',').map(Number);
const layers = files.map((file, i) => ({ ssrc: ssrcs[i]!, frames: ivfFrames(file), seq: Math.floor(Math.random() * 60000) }));
const PAYLOAD_TYPE = 96;
const MAX_PAYLOAD = 1100;
const socket = dgram.createSocket('udp4');
const counts = { packets: 0, bytes: 0, pli: 0, fir: 0, nacked: 0, resent: 0 };
// Per SSRC, the packets sent recently by sequence number.
const HISTORY = 4096;
const sent = new Map(ssrcs.map((ssrc) => [ssrc, new Map<number, Buffer>()]));

function resend(ssrc: number, seq: number): void {
  counts.nacked++;
  const packet = sent.get(ssrc)?.get(seq);
  if (!packet) return;
  counts.resent++;
  queue.unshift(packet);
}

socket.on('message', (packet) => {
  // Walk the compound RTCP packet: PSFB (206) with FMT 1 is a PLI, FMT 4 a FIR.
  let offset = 0;
  while (offset + 4 <= packet.length) {
    const fmt = packet[offset]! & 0x1f;
    const type = packet[offset + 1]!;
    if (type === 206 && fmt === 1) counts.pli++;
    if (type === 206 && fmt === 4) counts.fir++;
    if (type === 205 && fmt === 1) {
      const nack = readNack(packet, offset);
      for (const seq of nack.seqs) resend(nack.mediaSsrc, seq);
    }
    offset += (packet.readUInt16BE(offset + 2) + 1) * 4;
  }
});

// A browser paces its packets instead of writing a key frame in one burst; a
// burst overflows the worker's socket buffer and the loss would be the sender's.
const queue: Buffer[] = [];
const PACKETS_PER_MS = 4;
function drain(): void {
  for (const packet of queue.splice(0, PACKETS_PER_MS)) {
    socket.send(packet, port, '127.0.0.1');
    counts.packets++;
    counts.bytes += packet.length;
  }
  setTimeout(drain, 1);
}

let frameIndex = 0;
function sendFrame(): void {
  const timestamp = (frameIndex * (90000 / CLIP_FPS)) >>> 0;
  const pictureId = frameIndex & 0x7fff;
  for (const layer of layers) {
    const data = layer.frames[frameIndex % layer.frames.length]!;
    for (let offset = 0; offset < data.length; offset += MAX_PAYLOAD) {
      const chunk = data.subarray(offset, offset + MAX_PAYLOAD);
      const last = offset + MAX_PAYLOAD >= data.length;
      const header = Buffer.alloc(12 + 6);
      header[0] = 0x80;
      header[1] = (last ? 0x80 : 0) | PAYLOAD_TYPE;
      header.writeUInt16BE(layer.seq, 2);
      layer.seq = (layer.seq + 1) & 0xffff;
      header.writeUInt32BE(timestamp, 4);
      header.writeUInt32BE(layer.ssrc, 8);
      // VP8 payload descriptor (RFC 7741): X, S on a frame's first packet; 15-bit
      // picture ID, TL0PICIDX and TID 0, as a browser's simulcast encoder writes them.
      header[12] = 0x80 | (offset === 0 ? 0x10 : 0);
      header[13] = 0x80 | 0x40 | 0x20;
      header.writeUInt16BE(0x8000 | pictureId, 14);
      header[16] = frameIndex & 0xff;
      header[17] = 0x20;
      const packet = Buffer.concat([header, chunk]);
      const history = sent.get(layer.ssrc)!;
      history.set(layer.seq === 0 ? 0xffff : layer.seq - 1, packet);
      history.delete((layer.seq - HISTORY) & 0xffff);
      queue.push(packet);
    }
  }
  frameIndex++;
}

// Sender reports once a second per layer: mediasoup maps the three streams'
// timestamps onto one clock through them and switches layers only once it has them.
function sendReports(): void {
  const now = Date.now();
  const seconds = Math.floor(now / 1000) + 2208988800; // NTP epoch is 1900
  const fraction = Math.floor(((now % 1000) / 1000) * 2 ** 32);
  const rtpTime = Math.floor(((performance.now() - start) * 90000) / 1000) >>> 0;
  for (const layer of layers) {
    const report = Buffer.alloc(28);
    report[0] = 0x80;
    report[1] = 200;
    report.writeUInt16BE(6, 2);
    report.writeUInt32BE(layer.ssrc, 4);
    report.writeUInt32BE(seconds >>> 0, 8);
    report.writeUInt32BE(fraction >>> 0, 12);
    report.writeUInt32BE(rtpTime, 16);
    socket.send(report, port, '127.0.0.1');
  }
}

// Paced against the clock, not setInterval's drift: catch up if a tick was late.
const start = performance.now();
function tick(): void {
  const due = Math.floor(((performance.now() - start) * CLIP_FPS) / 1000);
  while (frameIndex <= due) sendFrame();
  setTimeout(tick, 1000 / CLIP_FPS / 2);
}
socket.bind(0, '127.0.0.1', () => {
  tick();
  drain();
  sendReports();
  setInterval(sendReports, 1000);
  setInterval(() => process.stdout.write(`${JSON.stringify(counts)}\n`), 1000);
});
process.on('SIGTERM', () => process.exit(0));
