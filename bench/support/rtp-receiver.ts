// Receivers for plain-RTP consumers, in their own process: one UDP socket per
// consumer that behaves like a browser's receiving side on the RTCP it sends back,
// so mediasoup sees what it would see from real viewers:
// - a generic NACK (RFC 4585) for every gap in the sequence numbers, repeated once
//   after NACK_RETRY_MS if the packet is still missing;
// - a receiver report (RFC 3550) once a second, with loss, highest sequence number
//   and LSR/DLSR from the consumer's sender reports;
// - a PLI when a gap stays unrepaired for GIVE_UP_MS (the decoder would be stuck
//   until the next key frame), at most one a second per consumer.
// mediasoup's PlainTransport with rtcpMux and comedia off takes RTCP only from the
// tuple it was connected to, so RTCP leaves from the socket the media arrives on.
// Commands on stdin, one JSON answer per line on stdout:
//   open <n>          → { ports: number[] }
//   connect <json>    → { ok: true }    json: [port, transportPort, ssrc, rtxSsrc][]
//   reset             → { ok: true }    report → counts and the seconds they cover
import dgram from 'node:dgram';
import { createInterface } from 'node:readline';
import { genericNack, pictureLossIndication, receiverReport } from './rtcp';

const NACK_RETRY_MS = 100;
const GIVE_UP_MS = 500;
const PLI_INTERVAL_MS = 1000;
// Self-check of the repair path: BENCH_DROP_EVERY=n drops every n-th first transmission on arrival.
const DROP_EVERY = Number(process.env.BENCH_DROP_EVERY ?? 0);
let arrivals = 0;

interface Receiver {
  socket: dgram.Socket;
  transportPort: number;
  ssrc: number;
  rtxSsrc: number;
  ownSsrc: number;
  packets: number;
  bytes: number;
  /** extended sequence numbers: first expected in this window, highest seen */
  base: number | null;
  highest: number;
  /** missing sequence number → when it went missing, and whether it was asked for again */
  missing: Map<number, { since: number; retried: boolean }>;
  lost: number;
  nacked: number;
  recovered: number;
  plis: number;
  lastPli: number;
  // For the receiver report.
  lastSrMiddle: number;
  lastSrAt: number;
  priorExpected: number;
  priorReceived: number;
}

const receivers: Receiver[] = [];
const byPort = new Map<number, Receiver>();
let countingSince = performance.now();

function extend(r: Receiver, seq: number): number {
  let extended = (r.highest & ~0xffff) | seq;
  if (extended < r.highest - 0x8000) extended += 0x10000;
  else if (extended > r.highest + 0x8000) extended -= 0x10000;
  return extended;
}

function sendRtcp(r: Receiver, packet: Buffer): void {
  if (r.transportPort) r.socket.send(packet, r.transportPort, '127.0.0.1');
}

function sendNack(r: Receiver, seqs: number[]): void {
  sendRtcp(r, genericNack(r.ownSsrc, r.ssrc, seqs));
}

function sendPli(r: Receiver, now: number): void {
  if (now - r.lastPli < PLI_INTERVAL_MS) return;
  r.lastPli = now;
  r.plis++;
  sendRtcp(r, pictureLossIndication(r.ownSsrc, r.ssrc));
}

function sendReceiverReport(r: Receiver, now: number): void {
  if (r.base === null || !r.ssrc) return;
  const expected = r.highest - r.base + 1;
  const intervalExpected = expected - r.priorExpected;
  const intervalLost = intervalExpected - (r.packets - r.priorReceived);
  r.priorExpected = expected;
  r.priorReceived = r.packets;
  sendRtcp(
    r,
    receiverReport(r.ownSsrc, {
      mediaSsrc: r.ssrc,
      fractionLost: intervalExpected > 0 && intervalLost > 0 ? Math.floor((intervalLost * 256) / intervalExpected) : 0,
      cumulativeLost: r.lost + r.missing.size,
      extendedHighestSeq: r.highest,
      lastSr: r.lastSrMiddle,
      delaySinceLastSr: (now - r.lastSrAt) / 1000,
    }),
  );
}

function onMedia(r: Receiver, seq: number, now: number): void {
  if (r.base === null) {
    r.base = r.highest = seq;
    r.packets++;
    return;
  }
  const extended = extend(r, seq);
  if (extended > r.highest) {
    const gap: number[] = [];
    for (let s = r.highest + 1; s < extended; s++) {
      r.missing.set(s, { since: now, retried: false });
      gap.push(s);
    }
    r.highest = extended;
    r.packets++;
    if (gap.length) {
      r.nacked += gap.length;
      sendNack(r, gap);
    }
  } else if (r.missing.delete(extended)) {
    r.recovered++;
    r.packets++;
  } // else a duplicate, or older than this window
}

function onRtcp(r: Receiver, packet: Buffer, now: number): void {
  // Sender reports: the middle 32 bits of their NTP time, for LSR.
  let offset = 0;
  while (offset + 4 <= packet.length) {
    if (packet[offset + 1] === 200 && offset + 16 <= packet.length) {
      r.lastSrMiddle = packet.readUInt32BE(offset + 10);
      r.lastSrAt = now;
    }
    offset += (packet.readUInt16BE(offset + 2) + 1) * 4;
  }
}

function onPacket(r: Receiver, packet: Buffer): void {
  const now = performance.now();
  const type = packet[1]!;
  if (type >= 192 && type <= 223) return onRtcp(r, packet, now);
  const ssrc = packet.readUInt32BE(8);
  r.bytes += packet.length;
  if (r.rtxSsrc && ssrc === r.rtxSsrc) {
    // RFC 4588: the original sequence number opens the payload.
    const csrcs = packet[0]! & 0x0f;
    let offset = 12 + 4 * csrcs;
    if (packet[0]! & 0x10) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
    return onMedia(r, packet.readUInt16BE(offset), now);
  }
  if (!r.ssrc) r.ssrc = ssrc; // not connected yet: the first stream is the media
  if (DROP_EVERY && ssrc === r.ssrc && ++arrivals % DROP_EVERY === 0) return;
  if (ssrc === r.ssrc) onMedia(r, packet.readUInt16BE(2), now);
}

function fresh(socket: dgram.Socket): Receiver {
  return {
    socket,
    transportPort: 0,
    ssrc: 0,
    rtxSsrc: 0,
    ownSsrc: (Math.random() * 2 ** 32) >>> 0,
    packets: 0,
    bytes: 0,
    base: null,
    highest: 0,
    missing: new Map(),
    lost: 0,
    nacked: 0,
    recovered: 0,
    plis: 0,
    lastPli: 0,
    lastSrMiddle: 0,
    lastSrAt: 0,
    priorExpected: 0,
    priorReceived: 0,
  };
}

function open(count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 1 << 20 });
      const receiver = fresh(socket);
      receivers.push(receiver);
      socket.on('message', (packet) => onPacket(receiver, packet));
      return new Promise<number>((resolve) =>
        socket.bind(0, '127.0.0.1', () => {
          byPort.set(socket.address().port, receiver);
          resolve(socket.address().port);
        }),
      );
    }),
  );
}

// Every 100 ms: NACK retries and give-ups; receiver reports for a tenth of the
// receivers, so each sends one a second without all sending at once.
let tick = 0;
setInterval(() => {
  const now = performance.now();
  receivers.forEach((r, i) => {
    if (r.missing.size) {
      const retry: number[] = [];
      let stuck = false;
      for (const [seq, m] of r.missing) {
        if (now - m.since >= GIVE_UP_MS) {
          r.missing.delete(seq);
          r.lost++;
          stuck = true;
        } else if (!m.retried && now - m.since >= NACK_RETRY_MS) {
          m.retried = true;
          retry.push(seq);
        }
      }
      if (retry.length) sendNack(r, retry);
      if (stuck) sendPli(r, now);
    }
    if (i % 10 === tick % 10) sendReceiverReport(r, now);
  });
  tick++;
}, 100).unref();

function report() {
  let packets = 0,
    bytes = 0,
    lost = 0,
    expected = 0,
    nacked = 0,
    recovered = 0,
    plis = 0,
    silent = 0;
  for (const r of receivers) {
    packets += r.packets;
    bytes += r.bytes;
    // Still missing at the end counts as lost: it was late at best.
    lost += r.lost + r.missing.size;
    nacked += r.nacked;
    recovered += r.recovered;
    plis += r.plis;
    if (r.base === null) silent++;
    else expected += r.highest - r.base + 1;
  }
  return {
    consumers: receivers.length,
    packets,
    bytes,
    lost,
    expected,
    nacked,
    recovered,
    plis,
    silent,
    seconds: (performance.now() - countingSince) / 1000,
  };
}

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const [command, ...rest] = line.trim().split(' ');
  const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  if (command === 'open') return answer({ ports: await open(Number(rest[0])) });
  if (command === 'connect') {
    for (const [port, transportPort, ssrc, rtxSsrc] of JSON.parse(rest.join(' ')) as [number, number, number, number][]) {
      Object.assign(byPort.get(port)!, { transportPort, ssrc, rtxSsrc });
    }
    return answer({ ok: true });
  }
  if (command === 'reset') {
    // A new window: expected from the next packet on; what went missing before is forgotten.
    for (const r of receivers) {
      Object.assign(r, { packets: 0, bytes: 0, lost: 0, nacked: 0, recovered: 0, plis: 0, priorExpected: 0, priorReceived: 0 });
      r.missing.clear();
      if (r.base !== null) r.base = r.highest + 1;
    }
    countingSince = performance.now();
    return answer({ ok: true });
  }
  if (command === 'report') return answer(report());
});
lines.on('close', () => process.exit(0));
