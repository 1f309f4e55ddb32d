// The RTCP packets the benchmark's receivers send and its sender reads (RFC 3550,
// RFC 4585), kept apart from the processes that use them so they can be tested.

/** Generic NACK (RTPFB, FMT 1): one FCI per packet ID and the 16 numbers after it. */
export function genericNack(senderSsrc: number, mediaSsrc: number, seqs: number[]): Buffer {
  const fcis: [number, number][] = [];
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    const last = fcis.at(-1);
    if (last && seq > last[0] && seq - last[0] <= 16) last[1] |= 1 << (seq - last[0] - 1);
    else if (!last || seq !== last[0]) fcis.push([seq, 0]);
  }
  const packet = Buffer.alloc(12 + 4 * fcis.length);
  packet[0] = 0x81;
  packet[1] = 205;
  packet.writeUInt16BE(2 + fcis.length, 2);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(mediaSsrc >>> 0, 8);
  fcis.forEach(([pid, blp], i) => {
    packet.writeUInt16BE(pid & 0xffff, 12 + 4 * i);
    packet.writeUInt16BE(blp, 14 + 4 * i);
  });
  return packet;
}

/** The 16-bit sequence numbers a NACK at `offset` of a compound packet asks for, with its media SSRC. */
export function readNack(packet: Buffer, offset = 0): { mediaSsrc: number; seqs: number[] } {
  const end = offset + (packet.readUInt16BE(offset + 2) + 1) * 4;
  const seqs: number[] = [];
  for (let fci = offset + 12; fci + 4 <= end; fci += 4) {
    const pid = packet.readUInt16BE(fci);
    const blp = packet.readUInt16BE(fci + 2);
    seqs.push(pid);
    for (let bit = 0; bit < 16; bit++) if (blp & (1 << bit)) seqs.push((pid + bit + 1) & 0xffff);
  }
  return { mediaSsrc: packet.readUInt32BE(offset + 8), seqs };
}

/** Picture loss indication (PSFB, FMT 1). */
export function pictureLossIndication(senderSsrc: number, mediaSsrc: number): Buffer {
  const packet = Buffer.alloc(12);
  packet[0] = 0x81;
  packet[1] = 206;
  packet.writeUInt16BE(2, 2);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(mediaSsrc >>> 0, 8);
  return packet;
}

export interface ReportBlock {
  mediaSsrc: number;
  /** lost since the last report, 0–255 as a fraction of 256 */
  fractionLost: number;
  cumulativeLost: number;
  extendedHighestSeq: number;
  /** middle 32 bits of the last sender report's NTP time, 0 before one arrived */
  lastSr: number;
  /** seconds since that sender report */
  delaySinceLastSr: number;
}

/** Receiver report (PT 201) with one report block; jitter is not measured and sent as 0. */
export function receiverReport(senderSsrc: number, block: ReportBlock): Buffer {
  const packet = Buffer.alloc(32);
  packet[0] = 0x81;
  packet[1] = 201;
  packet.writeUInt16BE(7, 2);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(block.mediaSsrc >>> 0, 8);
  packet.writeUInt32BE(((Math.min(255, Math.max(0, block.fractionLost)) << 24) | (Math.max(0, block.cumulativeLost) & 0xffffff)) >>> 0, 12);
  packet.writeUInt32BE(block.extendedHighestSeq >>> 0, 16);
  packet.writeUInt32BE(0, 20);
  packet.writeUInt32BE(block.lastSr >>> 0, 24);
  packet.writeUInt32BE(block.lastSr ? Math.floor(block.delaySinceLastSr * 65536) >>> 0 : 0, 28);
  return packet;
}
