// EMVCo merchant-presented QR payloads (the format under KHQR, Lao QR and most bank QR codes):
// ID (2 digits) + length (2 digits) + value, closed by tag 63 with a CRC-16/CCITT-FALSE.

export function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMV field ${id} longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Appends tag 63 (its CRC covers everything before it, "6304" included). */
export function withCrc(body: string): string {
  return `${body}6304${crc16(`${body}6304`)}`;
}

/** The top-level fields of a payload (sub-fields stay as their raw value); null when the CRC does not match. */
export function parseEmv(payload: string): Map<string, string> | null {
  if (payload.length < 8 || withCrc(payload.slice(0, -8)) !== payload) return null;
  const fields = new Map<string, string>();
  for (let at = 0; at < payload.length;) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    fields.set(id, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}
