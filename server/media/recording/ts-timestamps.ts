const TS_PACKET = 188;
const PTS_WRAP = 2 ** 33;

/** The PTS (90 kHz, 33 bits) of the first PES packet that carries one in an MPEG-TS segment, or null. */
export function firstPts(bytes: Uint8Array): number | null {
  for (let offset = 0; offset + TS_PACKET <= bytes.length; offset += TS_PACKET) {
    if (bytes[offset] !== 0x47) return null;
    const payloadStart = (bytes[offset + 1]! & 0x40) !== 0;
    const adaptation = (bytes[offset + 3]! >> 4) & 0x3;
    if (!payloadStart || adaptation === 2) continue;
    let p = offset + 4;
    if (adaptation === 3) p += 1 + bytes[p]!;
    // A PES header: 00 00 01, stream id, length, flags, flags (PTS present?), header length, PTS.
    if (p + 14 > offset + TS_PACKET || bytes[p] !== 0 || bytes[p + 1] !== 0 || bytes[p + 2] !== 1) continue;
    if ((bytes[p + 7]! & 0x80) === 0) continue;
    const b = bytes.subarray(p + 9, p + 14);
    return ((b[0]! >> 1) & 0x07) * 2 ** 30 + ((b[1]! << 7) | (b[2]! >> 1)) * 2 ** 15 + ((b[3]! << 7) | (b[4]! >> 1));
  }
  return null;
}

/**
 * A segment's start in epoch seconds from its first PTS, given a wall-clock time shortly after it
 * (its end): the PTS are wall-clock seconds × 90,000 cut to 33 bits, which repeat only every 26.5 hours.
 */
export function startFromPts(pts: number, afterS: number): number {
  const behind = (((afterS * 90_000 - pts) % PTS_WRAP) + PTS_WRAP) % PTS_WRAP;
  return afterS - behind / 90_000;
}
