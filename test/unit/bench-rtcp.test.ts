import { describe, expect, it } from 'vitest';
import { genericNack, pictureLossIndication, readNack, receiverReport } from '../../bench/support/rtcp';

describe('the media benchmark receivers’ RTCP', () => {
  it('a NACK asks for exactly the missing sequence numbers, across a wrap-around', () => {
    // Extended numbers, as the receiver keeps them: 65536 is sequence number 0 again.
    const nack = genericNack(1, 4242, [65541, 65534, 65536, 65535, 65576]);
    expect(nack[1]).toBe(205);
    expect(nack[0]! & 0x1f).toBe(1);
    const read = readNack(nack);
    expect(read.mediaSsrc).toBe(4242);
    expect(read.seqs.sort((a, b) => a - b)).toEqual([0, 5, 40, 65534, 65535]);
  });

  it('a receiver report carries the loss, the highest sequence number and the delay since the last sender report', () => {
    const rr = receiverReport(7, {
      mediaSsrc: 99,
      fractionLost: 64,
      cumulativeLost: 12,
      extendedHighestSeq: 70000,
      lastSr: 0x12345678,
      delaySinceLastSr: 0.5,
    });
    expect(rr[1]).toBe(201);
    expect(rr.readUInt16BE(2)).toBe(7);
    expect(rr.readUInt32BE(8)).toBe(99);
    expect(rr[12]).toBe(64);
    expect(rr.readUInt32BE(12) & 0xffffff).toBe(12);
    expect(rr.readUInt32BE(16)).toBe(70000);
    expect(rr.readUInt32BE(24)).toBe(0x12345678);
    expect(rr.readUInt32BE(28)).toBe(32768);
  });

  it('a PLI names the consumer’s stream', () => {
    const pli = pictureLossIndication(7, 99);
    expect([pli[0]! & 0x1f, pli[1], pli.readUInt32BE(8)]).toEqual([1, 206, 99]);
  });
});
