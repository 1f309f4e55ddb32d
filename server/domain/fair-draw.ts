// The giveaway draw, the same code on the server and in the browser (the public
// verification page re-runs it with SubtleCrypto). Pure: no database, no Node APIs.
//
// The algorithm (docs/giveaways.md):
//   commitment = hex(SHA-256(seed))          seed: 32 random bytes, published as 64 hex digits
//   pool       = the entry references, sorted ascending (plain code-unit order), duplicates removed
//   for counter = 0, 1, 2, …  while fewer than N winners and the pool is not empty:
//     h = HMAC-SHA256(key = seed, message = the counter in decimal ASCII, e.g. "0")
//     x = the first 6 bytes of h as a big-endian integer (0 ≤ x < 2^48)
//     if x ≥ floor(2^48 / size) × size: skip (rejection sampling keeps every index equally likely)
//     else: winner = pool[x mod size], removed from the pool (no one wins twice)
// Anyone holding the seed and the entry list gets the same winners, in the same order.

const RANGE = 2 ** 48;
/** The counter is bounded so a hostile input cannot spin the browser; 2^48 rejections in a row are impossible in practice. */
const MAX_ATTEMPTS = 100_000;

function subtle(): SubtleCrypto {
  return crypto.subtle;
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error('not hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** hex(SHA-256(seed bytes)): published before entries open. */
export async function seedCommitment(seedHex: string): Promise<string> {
  return bytesToHex(await subtle().digest('SHA-256', hexToBytes(seedHex)));
}

/** The pool the draw picks from: sorted, without duplicates. */
export function drawPool(entries: readonly string[]): string[] {
  return [...new Set(entries)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The winners, in the order drawn. */
export async function drawWinners(seedHex: string, entries: readonly string[], winnerCount: number): Promise<string[]> {
  const pool = drawPool(entries);
  const key = await subtle().importKey('raw', hexToBytes(seedHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const winners: string[] = [];
  const encoder = new TextEncoder();
  for (let counter = 0; winners.length < winnerCount && pool.length > 0 && counter < MAX_ATTEMPTS; counter++) {
    const h = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(String(counter))));
    let x = 0;
    for (let i = 0; i < 6; i++) x = x * 256 + h[i]!;
    const limit = Math.floor(RANGE / pool.length) * pool.length;
    if (x >= limit) continue;
    winners.push(pool.splice(x % pool.length, 1)[0]!);
  }
  return winners;
}

export interface DrawCheck {
  commitmentMatches: boolean;
  winnersMatch: boolean;
  recomputedWinners: string[];
}

/** Re-runs a published draw from its public data alone: the commitment, the revealed seed, the entries and the winners announced. */
export async function verifyDraw(published: {
  commitment: string;
  seedHex: string;
  entries: readonly string[];
  winnerCount: number;
  winners: readonly string[];
}): Promise<DrawCheck> {
  const commitmentMatches = (await seedCommitment(published.seedHex)) === published.commitment.toLowerCase();
  const recomputedWinners = await drawWinners(published.seedHex, published.entries, published.winnerCount);
  const winnersMatch =
    recomputedWinners.length === published.winners.length && recomputedWinners.every((w, i) => w === published.winners[i]);
  return { commitmentMatches, winnersMatch, recomputedWinners };
}
