// Counting receiver for plain-RTP consumers, in its own process: one UDP socket per
// consumer, packets and bytes counted, loss found from gaps in the sequence numbers
// (mediasoup rewrites them to run without gaps per consumer).
// Commands on stdin, one JSON answer per line on stdout:
//   open <n>  → { ports: number[] }      reset → { ok: true }      report → counts and the seconds they cover
import dgram from 'node:dgram';
import { createInterface } from 'node:readline';

interface Sequence {
  packets: number;
  first: number;
  highest: number;
}
// Per SSRC: a consumer's retransmissions (RTX) run on their own SSRC and numbering.
interface Counter {
  packets: number;
  bytes: number;
  streams: Map<number, Sequence>;
}

const counters: Counter[] = [];
// Under load this process answers commands late; its own clock says how long it counted.
let countingSince = performance.now();
const fresh = (): Counter => ({ packets: 0, bytes: 0, streams: new Map() });

function open(count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const counter = fresh();
      counters.push(counter);
      const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 1 << 20 });
      socket.on('message', (packet) => {
        const type = packet[1]!;
        if (type >= 192 && type <= 223) return; // RTCP (sender reports) share the socket
        const seq = packet.readUInt16BE(2);
        const ssrc = packet.readUInt32BE(8);
        counter.packets++;
        counter.bytes += packet.length;
        const stream = counter.streams.get(ssrc);
        if (!stream) return void counter.streams.set(ssrc, { packets: 1, first: seq, highest: seq });
        stream.packets++;
        // Extend the 16-bit sequence number across wrap-arounds.
        let extended = (stream.highest & ~0xffff) | seq;
        if (extended < stream.highest - 0x8000) extended += 0x10000;
        if (extended > stream.highest) stream.highest = extended;
      });
      return new Promise<number>((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket.address().port)));
    }),
  );
}

function report() {
  let packets = 0;
  let bytes = 0;
  let lost = 0;
  let silent = 0;
  for (const c of counters) {
    packets += c.packets;
    bytes += c.bytes;
    if (c.streams.size === 0) silent++;
    for (const s of c.streams.values()) lost += Math.max(0, s.highest - s.first + 1 - s.packets);
  }
  return { consumers: counters.length, packets, bytes, lost, silent, seconds: (performance.now() - countingSince) / 1000 };
}

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const [command, arg] = line.trim().split(' ');
  if (command === 'open') return process.stdout.write(`${JSON.stringify({ ports: await open(Number(arg)) })}\n`);
  if (command === 'reset') {
    for (const counter of counters) Object.assign(counter, fresh());
    countingSince = performance.now();
    return process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  }
  if (command === 'report') return process.stdout.write(`${JSON.stringify(report())}\n`);
});
lines.on('close', () => process.exit(0));
